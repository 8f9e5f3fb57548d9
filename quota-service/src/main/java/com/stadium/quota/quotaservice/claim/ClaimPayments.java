package com.stadium.quota.quotaservice.claim;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.payment.PaymentProvider;
import com.stadium.quota.quotaservice.payment.PaymentProvider.PaymentOrder;
import com.stadium.quota.quotaservice.payment.PaymentProvider.PaymentSession;
import com.stadium.quota.quotaservice.payment.PaymentResults;
import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.payment.ReturnUrl;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.ClaimRules;
import com.stadium.quota.quotaservice.quota.ClaimStep;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaRefusal;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Unavailable;
import com.stadium.quota.web.Violation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A claim's payment. The provider is never asked while the quota's row is locked: the claim waits for its payment
 * (PAYMENT_PENDING) in one transaction, the provider is asked after it committed, and the payment's id is recorded
 * in another. The claim's id is the idempotency key, so asking again never makes a second payment.
 */
@ApplicationScoped
public class ClaimPayments implements PaymentResults {

    @Inject
    QuotaServiceConfig config;

    @Inject
    HolderQuotas holderQuotas;

    @Inject
    Quotas quotas;

    @Inject
    ClaimOutcomes outcomes;

    @Inject
    ClaimViews views;

    @Inject
    PaymentProvider payments;

    @Inject
    EntityManager entityManager;

    /** Where a payer may be sent back to after the payment page: the portal's pages, the app's scheme. */

    @Inject
    Clock clock;

    /** A claim waiting for its payment, and what to ask the provider for it. */
    record Pending(UUID quotaId, UUID claimId, String paymentId, PaymentOrder order) {
    }

    /**
     * Step 3: starts (or, asked again, gets back) the claim's payment. A masquerading admin may not. If the provider
     * cannot be reached the claim stays PAYMENT_PENDING: asking again starts the same payment, and the payment
     * timeout releases the tickets if nobody does.
     *
     * @param returnUrl where the payer goes back to after paying, under one of the allowed prefixes; may be null
     */
    public Claims.ClaimView pay(Caller caller, UUID quotaId, UUID claimId, String returnUrl) {
        PaymentOrder order = QuarkusTransaction.requiringNew().call(() -> {
            Quota quota = holderQuotas.lockOwn(caller.email(), quotaId);
            Claim claim = views.claimOf(quota, claimId);
            if (caller.masquerading()) {
                throw InvalidInput.forbidden(ClaimRules.pay(claim.step, true));
            }
            List<Violation> wrongUrl = ReturnUrl.check(returnUrl, config.payment().returnUrlPrefixes());
            if (!wrongUrl.isEmpty()) {
                throw new InvalidInput(wrongUrl);
            }
            List<QuotaEvent> happened;
            try {
                happened = quota.requestPayment(claim, returnUrl, clock.instant(), config.claim().paymentTimeout());
            } catch (QuotaRefusal refusal) {
                throw holderQuotas.refused(refusal, quota);
            }
            quotas.save(quota);
            outcomes.handOn(quota, happened, caller.actor(), caller.onBehalfOf());
            return order(quota, claim);
        });
        PaymentSession session;
        try {
            session = payments.create(order);
        } catch (RuntimeException e) {
            throw new Unavailable("the payment service", e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Quota quota = holderQuotas.lockOwn(caller.email(), quotaId);
            Claim claim = views.claimOf(quota, claimId);
            List<QuotaEvent> happened = quota.paymentStarted(claim, session.paymentId(), clock.instant());
            quotas.save(quota);
            outcomes.handOn(quota, happened, caller.actor(), caller.onBehalfOf());
            return views.view(quota, claim, session.redirectUrl());
        });
    }

    /**
     * The payment service's answer (callback, sandbox or poll); false when no claim has that payment. An answer for
     * a claim no longer waiting for it (a repeated callback) changes nothing.
     */
    @Override
    @Transactional
    public boolean answered(String paymentId, PaymentStatus status) {
        List<Object[]> found = entityManager.createQuery(
                "select c.id, c.quotaId from Claim c where c.paymentId = :payment", Object[].class)
                .setParameter("payment", paymentId).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        if (!status.isFinal()) {
            return true;
        }
        // the claim is read only once the quota's lock is ours, so a concurrent answer is seen, not overwritten
        Quota quota = quotas.lock((UUID) found.get(0)[1]);
        Claim claim = quotas.claimOf(quota, (UUID) found.get(0)[0]);
        boolean paid = status == PaymentStatus.PAID;
        if (ClaimRules.paymentResult(claim.step, paid) == claim.step) {
            return true;
        }
        List<QuotaEvent> happened = paid ? quota.sell(claim, clock.instant())
                : quota.release(claim, "PAYMENT_" + status.name(), clock.instant());
        quotas.save(quota);
        outcomes.handOn(quota, happened, "payment-service", null);
        return true;
    }

    /** For the holder giving up: a pending payment is cancelled at the provider; null when none is pending. */
    PaymentStatus cancelIfPending(Caller caller, UUID quotaId, UUID claimId) {
        Pending pending = QuarkusTransaction.requiringNew().call(() -> {
            // the claim alone first: only a pending payment needs the quota and its tickets (the giving up answers
            // 404 for anyone else's claim under the lock anyway)
            Claim found = claimId == null ? null : Claim.findById(claimId);
            if (found == null || !found.quotaId.equals(quotaId) || found.step != ClaimStep.PAYMENT_PENDING) {
                return null;
            }
            Quota quota = holderQuotas.own(caller.email(), quotaId);
            Claim claim = views.claimOf(quota, claimId);
            return claim.step == ClaimStep.PAYMENT_PENDING ? pending(quota, claim) : null;
        });
        return pending == null ? null : cancelAtProvider(pending);
    }

    /**
     * Before quotas are cancelled, each pending payment of their open claims is cancelled at the provider (no row
     * locked yet; a transaction of its own, so the caller's reads after it are fresh); the answer is each payment's
     * status after that (PAID if it was paid meanwhile).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<UUID, PaymentStatus> cancelPending(Collection<UUID> quotaIds) {
        Map<UUID, PaymentStatus> after = new LinkedHashMap<>();
        for (Pending pending : pendingOf(quotaIds)) {
            after.put(pending.claimId(), cancelAtProvider(pending));
        }
        return after;
    }

    /** What the provider says now of each pending payment of the quotas' open claims, changing nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<UUID, PaymentStatus> statusOfPending(Collection<UUID> quotaIds) {
        Map<UUID, PaymentStatus> now = new LinkedHashMap<>();
        for (Pending pending : pendingOf(quotaIds)) {
            now.put(pending.claimId(), pending.paymentId() == null ? PaymentStatus.PENDING
                    : payments.status(pending.paymentId()));
        }
        return now;
    }

    /** A claim past its payment deadline: the provider's last word, a payment still pending being cancelled. */
    PaymentStatus settleAtProvider(Pending pending) {
        String id = paymentIdOf(pending);
        PaymentStatus status = payments.status(id);
        return status == PaymentStatus.PENDING ? payments.cancel(id) : status;
    }

    PaymentStatus cancelAtProvider(Pending pending) {
        return payments.cancel(paymentIdOf(pending));
    }

    /** A start whose answer was lost left no id: the idempotency key finds the same payment again. */
    private String paymentIdOf(Pending pending) {
        return pending.paymentId() != null ? pending.paymentId() : payments.create(pending.order()).paymentId();
    }

    private List<Pending> pendingOf(Collection<UUID> quotaIds) {
        return quotas.openClaims(quotaIds).stream().filter(c -> c.step == ClaimStep.PAYMENT_PENDING)
                .map(c -> pending(quotas.find(c.quotaId), c)).toList();
    }

    Pending pending(Quota quota, Claim claim) {
        return new Pending(quota.id, claim.id, claim.paymentId, order(quota, claim));
    }

    private PaymentOrder order(Quota quota, Claim claim) {
        return new PaymentOrder(claim.id.toString(), claim.amountCents, config.payment().currency(),
                quota.ticketsOf(claim).size() + " tickets, " + quota.matchName, claim.returnUrl);
    }
}
