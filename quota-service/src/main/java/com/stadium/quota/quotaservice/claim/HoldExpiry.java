package com.stadium.quota.quotaservice.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.ClaimRules;
import com.stadium.quota.quotaservice.quota.ClaimStep;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.Quotas;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Gives back tickets whose hold lapsed and payments that never answered; runs on every instance, safely (each claim
 * is settled under its quota's row lock, and the provider is asked before that lock is taken, by the one instance
 * that took the claim's lease).
 */
@ApplicationScoped
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class);
    private static final int BATCH = 100;
    private static final String ACTOR = "hold-expiry";
    /** Longer than the provider's status and cancel calls take, together, at their timeouts. */
    static final Duration PROVIDER_LEASE = Duration.ofMinutes(2);

    @Inject
    Quotas quotas;

    @Inject
    ClaimOutcomes outcomes;

    @Inject
    ClaimPayments payments;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "${suite.claim.expiry-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        releaseLapsed(clock.instant());
    }

    /** Releases what lapsed by {@code now}; returns how many claims it looked at. */
    public int releaseLapsed(Instant now) {
        List<UUID> due = due(now);
        for (UUID claim : due) {
            try {
                expire(claim, now);
            } catch (RuntimeException e) {
                LOG.warnf("claim %s could not be released yet: %s", claim, e.getMessage());
            }
        }
        return due.size();
    }

    /** Open claims whose hold or payment deadline lapsed, oldest first. */
    List<UUID> due(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>find("""
                (step in (?1, ?2) and holdExpiresAt <= ?4) or (step = ?3 and paymentDeadline <= ?4)
                order by holdExpiresAt""", ClaimStep.SELECTED, ClaimStep.ATTENDEES_GIVEN,
                ClaimStep.PAYMENT_PENDING, now).page(0, BATCH).list().stream().map(c -> c.id).toList());
    }

    /**
     * Takes an overdue payment's claim for this instance for {@link #PROVIDER_LEASE} (a conditional update), so one
     * instance at a time asks the provider; a crashed taker's lease runs out and another instance takes it over.
     */
    boolean takeForProvider(UUID claimId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update claim set expiry_taken_until = ?2
                 where id = ?1 and (expiry_taken_until is null or expiry_taken_until <= ?3)""")
                .setParameter(1, claimId).setParameter(2, now.plus(PROVIDER_LEASE)).setParameter(3, now)
                .executeUpdate() == 1);
    }

    /**
     * Releases a lapsed hold; a payment past its deadline is read from the provider once more and, if still pending,
     * cancelled there before the tickets go back (a late "paid" then sells them).
     */
    void expire(UUID claimId, Instant now) {
        ClaimPayments.Pending overdue = QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findById(claimId);
            return claim.step == ClaimStep.PAYMENT_PENDING && !now.isBefore(claim.paymentDeadline)
                    ? payments.pending(quotas.find(claim.quotaId), claim) : null;
        });
        if (overdue != null && !takeForProvider(claimId, now)) {
            return; // another instance asks the provider about this payment and settles it
        }
        PaymentStatus atProvider;
        try {
            atProvider = overdue == null ? null : payments.settleAtProvider(overdue);
        } catch (RuntimeException e) {
            // the provider did not answer: the next check (of any instance) tries again
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update claim set expiry_taken_until = null where id = ?1").setParameter(1, claimId)
                    .executeUpdate());
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            // the claim is read only once the quota's lock is ours, so a change that came first is seen
            Quota quota = quotas.lock(quotas.quotaIdOf(claimId));
            Claim claim = quotas.claimOf(quota, claimId);
            List<QuotaEvent> happened = List.of();
            if (ClaimRules.releasedByExpiry(claim.step, claim.holdExpiresAt, now)) {
                happened = quota.release(claim, "HOLD_EXPIRED", now);
            } else if (claim.step == ClaimStep.PAYMENT_PENDING && atProvider != null) {
                happened = atProvider == PaymentStatus.PAID ? quota.sell(claim, now)
                        : quota.release(claim, atProvider == PaymentStatus.FAILED ? "PAYMENT_FAILED"
                                : "PAYMENT_TIMED_OUT", now);
            }
            quotas.save(quota);
            String actor = happened.stream().anyMatch(e -> e instanceof QuotaEvent.TicketsSold) ? "payment-service"
                    : ACTOR;
            outcomes.handOn(quota, happened, actor, null);
        });
    }
}
