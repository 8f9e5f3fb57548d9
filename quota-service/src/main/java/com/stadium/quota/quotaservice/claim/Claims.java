package com.stadium.quota.quotaservice.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.holder.HolderQuotas.TicketCard;
import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.ClaimRules.Attendee;
import com.stadium.quota.quotaservice.quota.ClaimStep;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaRefusal;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.web.Violation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The holder's claim steps: select, attendees, give up (the payment is {@link ClaimPayments}). Each waits for its
 * turn on the quota in this instance ({@link QuotaTurns}), locks the quota's row ({@link HolderQuotas#lockOwn}), asks
 * the {@link Quota} for the transition and hands its events on, so of two requests on the same tickets one wins and
 * the other gets 409 with the state it lost to.
 */
@ApplicationScoped
public class Claims {

    @Inject
    QuotaServiceConfig config;

    @Inject
    HolderQuotas holderQuotas;

    @Inject
    Quotas quotas;

    @Inject
    ClaimOutcomes outcomes;

    @Inject
    ClaimPayments payments;

    @Inject
    ClaimViews views;

    @Inject
    QuotaTurns turns;

    @Inject
    Clock clock;

    /** A claim as the holder sees it. */
    public record ClaimView(UUID id, UUID quotaId, ClaimStep step, Instant holdExpiresAt, int amountCents,
            String currency, String paymentId, String paymentUrl, String releasedBecause, List<TicketCard> tickets) {
    }

    /**
     * Step 1: the chosen ALLOCATED tickets become RESERVED for this claim until the hold lapses. A refusal is
     * answered after the quota's row lock is released, so losers of a race do not queue behind each other's answers.
     */
    public ClaimView select(Caller caller, UUID quotaId, List<UUID> wanted) {
        try {
            return turns.inTurn(quotaId, () -> QuarkusTransaction.requiringNew().call(() -> {
                Quota quota = holderQuotas.lockOwn(caller.email(), quotaId);
                List<QuotaEvent> happened = quota.reserve(wanted, caller.email(), caller.actor(), clock.instant(),
                        config.claim().hold());
                quotas.save(quota);
                outcomes.handOn(quota, happened, caller.actor(), caller.onBehalfOf());
                UUID claimId = ((QuotaEvent.TicketsReserved) happened.get(0)).claimId();
                return view(quota, Claim.findById(claimId), null);
            }));
        } catch (QuotaRefusal refusal) {
            throw refusedAfterUnlock(caller, quotaId, refusal, wanted);
        }
    }

    /** The refusal with the quota as it is now, read in a transaction of its own without a lock. */
    private RuntimeException refusedAfterUnlock(Caller caller, UUID quotaId, QuotaRefusal refusal,
            List<UUID> wanted) {
        return QuarkusTransaction.requiringNew().call(
                () -> holderQuotas.refused(refusal, holderQuotas.own(caller.email(), quotaId), wanted));
    }

    /** Step 2: who sits on each ticket. Free tickets are confirmed at once; the others wait for the payment. */
    public ClaimView attendees(Caller caller, UUID quotaId, UUID claimId, List<Attendee> attendees) {
        return turns.inTurn(quotaId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Quota quota = holderQuotas.lockOwn(caller.email(), quotaId);
            Claim claim = claimOf(quota, claimId);
            List<QuotaEvent> happened;
            try {
                happened = quota.attend(claim, attendees, caller.email(), clock.instant());
            } catch (QuotaRefusal refusal) {
                throw holderQuotas.refused(refusal, quota);
            }
            quotas.save(quota);
            outcomes.handOn(quota, happened, caller.actor(), caller.onBehalfOf());
            return view(quota, claim, null);
        }));
    }

    /**
     * The holder gives up: the tickets are ALLOCATED again. A pending payment is cancelled at the provider first,
     * before the quota is locked (if it was paid meanwhile, the claim completes instead).
     */
    public ClaimView abandon(Caller caller, UUID quotaId, UUID claimId) {
        PaymentStatus atProvider = payments.cancelIfPending(caller, quotaId, claimId);
        return turns.inTurn(quotaId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Quota quota = holderQuotas.lockOwn(caller.email(), quotaId);
            Claim claim = claimOf(quota, claimId);
            List<QuotaEvent> happened;
            try {
                if (claim.step == ClaimStep.PAYMENT_PENDING && atProvider == null) {
                    throw new QuotaRefusal(QuotaRefusal.Kind.CONFLICT, List.of(new Violation("claim",
                            "the payment was started meanwhile; give up again", null, claim.step.name())));
                }
                happened = atProvider == PaymentStatus.PAID && claim.step == ClaimStep.PAYMENT_PENDING
                        ? quota.sell(claim, clock.instant())
                        : quota.release(claim, "ABANDONED", clock.instant());
            } catch (QuotaRefusal refusal) {
                throw holderQuotas.refused(refusal, quota);
            }
            quotas.save(quota);
            outcomes.handOn(quota, happened, caller.actor(), caller.onBehalfOf());
            return view(quota, claim, null);
        }));
    }

    @Transactional
    public ClaimView find(Caller caller, UUID quotaId, UUID claimId) {
        Quota quota = holderQuotas.own(caller.email(), quotaId);
        return view(quota, claimOf(quota, claimId), null);
    }

    private Claim claimOf(Quota quota, UUID claimId) {
        return views.claimOf(quota, claimId);
    }

    private ClaimView view(Quota quota, Claim claim, String paymentUrl) {
        return views.view(quota, claim, paymentUrl);
    }
}
