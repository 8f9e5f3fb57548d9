package com.stadium.quota.quotaservice.cancellation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.messaging.contract.RefundRequested;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.claim.ClaimOutcomes;
import com.stadium.quota.quotaservice.claim.ClaimPayments;
import com.stadium.quota.quotaservice.notice.MessageToPerson;
import com.stadium.quota.quotaservice.notice.Messenger;
import com.stadium.quota.quotaservice.notice.Notices;
import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.payment.Refund;
import com.stadium.quota.quotaservice.payment.RefundStatus;
import com.stadium.quota.quotaservice.payment.Refunds;
import com.stadium.quota.quotaservice.quota.CancellationPlan;
import com.stadium.quota.quotaservice.quota.CancellationScope;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.ClaimStep;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Cancels quotas with their subquotas in one transaction: each {@link Quota} ends its open claims and cancels its
 * tickets; this hands the events on (seats given back to allocation-service, refunds of paid tickets, a message to
 * every person affected, the audit trail and the quota events). Pending payments are cancelled at the provider
 * first, before any quota's row is locked.
 */
@ApplicationScoped
public class QuotaCancellation {

    static final String CURRENCY = "EUR";

    @Inject
    Quotas quotas;

    @Inject
    ClaimPayments claimPayments;

    @Inject
    ClaimOutcomes claimOutcomes;

    @Inject
    Refunds refunds;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    QuotaEvents events;

    @Inject
    Messenger messenger;

    @Inject
    Clock clock;

    /** A seat given back to allocation-service. */
    public record ReleasedSeat(long matchId, long seatId, String sector, String row, String seat) {
    }

    /** A refund asked of the payment service for a cancelled paid ticket. */
    public record PlannedRefund(UUID ticketId, int amountCents, String currency) {
    }

    /**
     * What a cancellation does (or did) to one quota.
     *
     * @param cancelledTickets how many tickets of each status are cancelled (a reserved ticket of an open claim
     *        counts as the claim leaves it: ALLOCATED when the hold ends, SOLD when its payment was made)
     * @param soldKept sold tickets that stay valid
     */
    public record Cancelled(UUID quotaId, UUID parentId, long matchId, String holderName, String holderEmail,
            Map<TicketStatus, Integer> cancelledTickets, int unfulfilledCancelled, int soldKept,
            List<ReleasedSeat> seatsReleased, int refundsRequested, int refundedCents, String currency,
            List<PlannedRefund> refunds, List<MessageToPerson> told) {
    }

    /**
     * The answer to a cancellation and to its preview.
     *
     * @param preview true when nothing was done: the effect a cancellation would have now
     */
    public record Report(CancellationScope scope, boolean preview, List<Cancelled> quotas) {
    }

    /**
     * @param quotaIds the quotas asked for (a quota, or a group's); their subquotas are cancelled with them
     */
    @Transactional
    public Report cancel(List<UUID> quotaIds, CancellationScope scope, String actor) {
        Instant now = clock.instant();
        Map<UUID, PaymentStatus> atProvider = claimPayments.cancelPending(quotas.withSubquotas(quotaIds));
        List<Cancelled> report = new ArrayList<>();
        for (Quota quota : affected(quotaIds, LockModeType.PESSIMISTIC_WRITE)) {
            List<Claim> open = quotas.openClaims(quota);
            requireAsked(open, atProvider);
            List<QuotaEvent> happened = quota.cancel(scope, open, paid(atProvider), now);
            quotas.save(quota);
            for (QuotaEvent event : happened) {
                if (event instanceof QuotaEvent.Cancelled cancelled) {
                    Cancelled effect = effect(quota, cancelled.outcome(), scope, cancelled.unfulfilledCancelled());
                    apply(quota, effect, scope, actor, now);
                    report.add(effect);
                } else {
                    claimOutcomes.handOn(quota, List.of(event), actor, null);
                }
            }
        }
        return new Report(scope, false, report);
    }

    /**
     * What {@link #cancel} would do now, through the same rule and the same effect, writing nothing: no ticket,
     * quota, claim, refund, event, audit entry or message. Open claims are judged as the cancellation would settle
     * them (the provider is only asked for a pending payment's status, never to cancel it).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report preview(List<UUID> quotaIds, CancellationScope scope) {
        Instant now = clock.instant();
        Set<UUID> paid = paid(claimPayments.statusOfPending(quotas.withSubquotas(quotaIds)));
        List<Cancelled> report = new ArrayList<>();
        for (Quota quota : affected(quotaIds, LockModeType.NONE)) {
            CancellationPlan.Outcome plan = quota.cancellationPreview(scope, quotas.openClaims(quota), paid, now);
            report.add(effect(quota, plan, scope, quota.unfulfilled));
        }
        return new Report(scope, true, report);
    }

    private static Set<UUID> paid(Map<UUID, PaymentStatus> atProvider) {
        return atProvider.entrySet().stream().filter(e -> e.getValue() == PaymentStatus.PAID).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** A payment started after the provider was asked cannot be settled without asking again: the admin retries. */
    private static void requireAsked(List<Claim> open, Map<UUID, PaymentStatus> atProvider) {
        for (Claim claim : open) {
            if (claim.step == ClaimStep.PAYMENT_PENDING && !atProvider.containsKey(claim.id)) {
                throw InvalidInput.conflict(List.of(new Violation("quota", "a payment was started meanwhile; "
                        + "cancel again", null, claim.id.toString())));
            }
        }
    }

    /** The quotas asked for and their subquotas that are not cancelled yet, in a stable order; 409 if none is. */
    private List<Quota> affected(List<UUID> quotaIds, LockModeType lock) {
        List<Quota> asked = quotas.list("id in ?1", lock, quotaIds);
        if (asked.stream().allMatch(q -> q.state == QuotaState.CANCELLED)) {
            throw InvalidInput.conflict("quota", "already cancelled");
        }
        List<Quota> all = new ArrayList<>(asked);
        all.addAll(quotas.list("parentId in ?1", lock, quotaIds));
        return all.stream().filter(q -> q.state != QuotaState.CANCELLED)
                .sorted(Comparator.comparing((Quota q) -> q.parentId != null).thenComparingLong(q -> q.matchId)
                        .thenComparing(q -> q.id))
                .toList();
    }

    /** What the rule's outcome means for one quota: seats, refunds, the message to its holder. */
    private Cancelled effect(Quota quota, CancellationPlan.Outcome plan, CancellationScope scope,
            int unfulfilledCancelled) {
        Set<UUID> cancelled = Set.copyOf(plan.cancelled());
        List<ReleasedSeat> released = quota.tickets().stream().filter(t -> cancelled.contains(t.id))
                .map(t -> new ReleasedSeat(t.matchId, t.seatId, t.sector, t.rowLabel, t.seatLabel)).toList();
        List<PlannedRefund> refunds = plan.refunded().stream()
                .map(t -> new PlannedRefund(t.id(), t.paidCents(), CURRENCY)).toList();
        int refundedCents = refunds.stream().mapToInt(PlannedRefund::amountCents).sum();
        return new Cancelled(quota.id, quota.parentId, quota.matchId, quota.holderName, quota.holderEmail,
                plan.cancelledByStatus(), unfulfilledCancelled, plan.soldKept(), released, refunds.size(),
                refundedCents, CURRENCY, refunds, List.of(Notices.cancelled(quota, scope, plan.cancelled().size(),
                        refundedCents, CURRENCY)));
    }

    private void apply(Quota quota, Cancelled effect, CancellationScope scope, String actor, Instant now) {
        for (PlannedRefund paid : effect.refunds()) {
            Refund refund = new Refund();
            refund.id = UUID.randomUUID();
            refund.ticketId = paid.ticketId();
            refund.quotaId = quota.id;
            refund.amountCents = paid.amountCents();
            refund.status = RefundStatus.REQUESTED;
            refund.requestedAt = now;
            refund.paymentId = paymentOf(quota.tickets(), paid.ticketId());
            refund.persist();
            refunds.afterCommit();
            outbox.publish(new RefundRequested(refund.id, quota.id, paid.ticketId(), paid.amountCents(),
                    paid.currency(), "refund-" + paid.ticketId(),
                    RefundRequested.Reason.QUOTA_CANCELLED), quota.id.toString());
        }
        if (!effect.seatsReleased().isEmpty()) {
            outbox.publish(new SeatsReleased(quota.matchId, quota.inventoryHolder(),
                    effect.seatsReleased().stream().map(ReleasedSeat::seatId).toList(), SeatsReleased.Reason.CANCELLED),
                    quota.id.toString(), Long.toString(quota.matchId));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", scope.name());
        details.put("cancelledTickets", effect.cancelledTickets());
        details.put("unfulfilledCancelled", effect.unfulfilledCancelled());
        details.put("soldKept", effect.soldKept());
        details.put("refundsRequested", effect.refundsRequested());
        details.put("refundedCents", effect.refundedCents());
        audit.record(quota.id, actor, QuotaChanged.Change.CANCELLED.name(), details);
        events.changed(quota, QuotaChanged.Change.CANCELLED, actor);
        for (MessageToPerson message : effect.told()) {
            messenger.send(message, actor);
        }
    }

    /** The payment a sold ticket was paid with, through the claim that sold it. */
    private static String paymentOf(List<Ticket> tickets, UUID ticketId) {
        return tickets.stream().filter(t -> t.id.equals(ticketId) && t.claimId != null).findFirst()
                .map(t -> Claim.<Claim>findById(t.claimId)).map(c -> c.paymentId).orElse(null);
    }
}
