package com.stadium.quota.quotaservice.payment;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.stadium.quota.messaging.drain.Drain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Pays back cancelled paid tickets through the payment provider, after the cancellation committed. Each refund's id
 * is its idempotency key, so a retry after a lost answer never refunds twice; a provider that cannot be reached is
 * tried again on the next poll. Several instances share the work: each refund is claimed by one at a time.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);
    private static final int BATCH = 20;

    @Inject
    PaymentProvider payments;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    private Drain drain;

    @PostConstruct
    void start() {
        drain = new Drain("refunds", this::refundBatch);
    }

    @PreDestroy
    void stop() {
        drain.close();
    }

    /** Called in the transaction that asked for refunds: they go out once it commits. */
    public void afterCommit() {
        drain.wakeUpAfterCommit(transactions);
    }

    @Scheduled(every = "${suite.refunds.poll-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain.wakeUp();
    }

    /** True when a full batch went out, so more may be waiting; a provider failure ends the run until the poll. */
    boolean refundBatch() {
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select r.id from Refund r where r.status = :status order by r.requestedAt", UUID.class)
                .setParameter("status", RefundStatus.REQUESTED).setMaxResults(BATCH).getResultList());
        for (UUID id : waiting) {
            if (!QuarkusTransaction.requiringNew().call(() -> refund(id))) {
                return false;
            }
        }
        return waiting.size() == BATCH;
    }

    private boolean refund(UUID id) {
        // claimed by one instance at a time; another one skips it instead of waiting for the provider's answer
        @SuppressWarnings("unchecked")
        List<Refund> mine = entityManager.createNativeQuery("""
                select * from refund where id = ?1 and status = 'REQUESTED' for update skip locked""", Refund.class)
                .setParameter(1, id).getResultList();
        if (mine.isEmpty()) {
            return true;
        }
        Refund refund = mine.get(0);
        refund.attempts++;
        if (refund.paymentId == null) {
            refund.status = RefundStatus.FAILED;
            refund.lastError = "sold without a payment on record: the club refunds it by hand";
            return true;
        }
        try {
            if (payments.refund(refund.paymentId, refund.amountCents, refund.id.toString())) {
                refund.status = RefundStatus.REFUNDED;
                refund.refundedAt = clock.instant();
                refund.lastError = null;
            } else {
                refund.status = RefundStatus.FAILED;
                refund.lastError = "the payment provider refused the refund";
            }
            return true;
        } catch (RuntimeException e) {
            refund.lastError = String.valueOf(e.getMessage());
            LOG.warnf("refund %s not made yet (attempt %d): %s", id, refund.attempts, e.getMessage());
            return false;
        }
    }
}
