package com.stadium.quota.quotaservice.cancellation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.RefundRequested;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.claim.Claim;
import com.stadium.quota.quotaservice.claim.Claims;
import com.stadium.quota.quotaservice.payment.Refunds;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.web.InvalidInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Cancels quotas with their subquotas in one transaction: tickets, the seats given back to allocation-service,
 * refunds of paid tickets, a message to every person affected, the audit trail and the quota events.
 */
@ApplicationScoped
public class QuotaCancellation {

    static final String CURRENCY = "EUR";

    @Inject
    Claims claims;

    @Inject
    Refunds refunds;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    QuotaEvents events;

    @Inject
    ObjectMapper json;

    /** A seat given back to allocation-service. */
    public record ReleasedSeat(long matchId, long seatId, String sector, String row, String seat) {
    }

    /** A refund asked of the payment service for a cancelled paid ticket. */
    public record PlannedRefund(UUID ticketId, int amountCents, String currency) {
    }

    /** A message sent to a person affected: its kind, the recipient and what the message says. */
    public record Message(String kind, String recipientEmail, String recipientName, Map<String, String> data) {
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
            List<PlannedRefund> refunds, List<Message> told) {
    }

    /**
     * The answer to a cancellation and to its preview.
     *
     * @param preview true when nothing was done: the effect a cancellation would have now
     */
    public record Report(CancellationScope scope, boolean preview, List<Cancelled> quotas) {
    }

    /** The rule's outcome for one quota and the effect it has, computed once for the cancellation and its preview. */
    private record Planned(Quota quota, List<Ticket> tickets, CancellationPlan.Outcome plan, Cancelled effect) {
    }

    /**
     * @param quotaIds the quotas asked for (a quota, or a group's); their subquotas are cancelled with them
     */
    @Transactional
    public Report cancel(List<UUID> quotaIds, CancellationScope scope, String actor) {
        Instant now = Instant.now();
        List<Cancelled> report = new ArrayList<>();
        for (Quota quota : affected(quotaIds, LockModeType.PESSIMISTIC_WRITE)) {
            claims.settleBeforeCancellation(quota, actor);
            List<Ticket> tickets = ticketsOf(quota);
            Planned planned = plan(quota, tickets, Map.of(), scope, now);
            apply(planned, scope, actor, now);
            report.add(planned.effect());
        }
        return new Report(scope, false, report);
    }

    /**
     * What {@link #cancel} would do now, through the same rule and the same effect, writing nothing: no ticket,
     * quota, claim, refund, event, audit entry or message. Open claims are judged as the cancellation would settle
     * them ({@link Claims#settlementPreview}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report preview(List<UUID> quotaIds, CancellationScope scope) {
        Instant now = Instant.now();
        List<Cancelled> report = new ArrayList<>();
        for (Quota quota : affected(quotaIds, LockModeType.NONE)) {
            Map<UUID, Claims.Settled> settled = claims.settlementPreview(quota);
            report.add(plan(quota, ticketsOf(quota), settled, scope, now).effect());
        }
        return new Report(scope, true, report);
    }

    /** The quotas asked for and their subquotas that are not cancelled yet, in a stable order; 409 if none is. */
    private static List<Quota> affected(List<UUID> quotaIds, LockModeType lock) {
        List<Quota> quotas = new ArrayList<>(Quota.<Quota>find("id in ?1", quotaIds).withLock(lock).list());
        if (quotas.stream().allMatch(q -> q.state == QuotaState.CANCELLED)) {
            throw InvalidInput.conflict("quota", "already cancelled");
        }
        quotas.addAll(Quota.<Quota>find("parentId in ?1", quotaIds).withLock(lock).list());
        return quotas.stream().filter(q -> q.state != QuotaState.CANCELLED)
                .sorted(Comparator.comparing((Quota q) -> q.parentId != null).thenComparingLong(q -> q.matchId)
                        .thenComparing(q -> q.id))
                .toList();
    }

    private static List<Ticket> ticketsOf(Quota quota) {
        return Ticket.list("quotaId = ?1 order by sector, rowLabel, seatId", quota.id);
    }

    /**
     * @param settled tickets whose status and paid amount the cancellation would change before the rule judges them
     *        (empty once they are settled)
     */
    private Planned plan(Quota quota, List<Ticket> tickets, Map<UUID, Claims.Settled> settled,
            CancellationScope scope, Instant now) {
        List<CancellationPlan.TicketView> views = tickets.stream().map(t -> {
            Claims.Settled after = settled.get(t.id);
            return after == null ? new CancellationPlan.TicketView(t.id, t.status, quota.kickoff, t.paidCents)
                    : new CancellationPlan.TicketView(t.id, after.status(), quota.kickoff, after.paidCents());
        }).toList();
        CancellationPlan.Outcome plan = CancellationPlan.plan(views, scope, now);
        List<ReleasedSeat> released = tickets.stream().filter(t -> plan.cancelled().contains(t.id))
                .map(t -> new ReleasedSeat(t.matchId, t.seatId, t.sector, t.rowLabel, t.seatLabel)).toList();
        List<PlannedRefund> refunds = plan.refunded().stream()
                .map(t -> new PlannedRefund(t.id(), t.paidCents(), CURRENCY)).toList();
        int refundedCents = refunds.stream().mapToInt(PlannedRefund::amountCents).sum();
        Cancelled effect = new Cancelled(quota.id, quota.parentId, quota.matchId, quota.holderName,
                quota.holderEmail, plan.cancelledByStatus(), quota.unfulfilled, plan.soldKept(), released,
                refunds.size(), refundedCents, CURRENCY, refunds,
                List.of(message(quota, scope, plan.cancelled().size(), refundedCents)));
        return new Planned(quota, tickets, plan, effect);
    }

    private void apply(Planned planned, CancellationScope scope, String actor, Instant now) {
        Quota quota = planned.quota();
        Cancelled effect = planned.effect();
        for (Ticket ticket : planned.tickets()) {
            if (planned.plan().cancelled().contains(ticket.id)) {
                ticket.status = TicketStatus.CANCELLED;
                ticket.updatedAt = now;
            }
        }
        for (PlannedRefund paid : effect.refunds()) {
            Refund refund = new Refund();
            refund.id = UUID.randomUUID();
            refund.ticketId = paid.ticketId();
            refund.quotaId = quota.id;
            refund.amountCents = paid.amountCents();
            refund.status = Refunds.REQUESTED;
            refund.requestedAt = now;
            refund.paymentId = paymentOf(planned.tickets(), paid.ticketId());
            refund.persist();
            refunds.afterCommit();
            outbox.publish(new RefundRequested(refund.id, quota.id, paid.ticketId(), paid.amountCents(),
                    paid.currency(), "refund-" + paid.ticketId(), "QUOTA_CANCELLED"), quota.id.toString());
        }
        if (!effect.seatsReleased().isEmpty()) {
            outbox.publish(new SeatsReleased(quota.matchId, quota.inventoryHolder(),
                    effect.seatsReleased().stream().map(ReleasedSeat::seatId).toList(), "CANCELLED"),
                    quota.id.toString(), Long.toString(quota.matchId));
        }
        quota.unfulfilled = 0;
        quota.state = QuotaState.CANCELLED;
        quota.cancelledAt = now;
        quota.cancellationScope = scope.name();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", scope.name());
        details.put("cancelledTickets", effect.cancelledTickets());
        details.put("unfulfilledCancelled", effect.unfulfilledCancelled());
        details.put("soldKept", effect.soldKept());
        details.put("refundsRequested", effect.refundsRequested());
        details.put("refundedCents", effect.refundedCents());
        audit.record(quota.id, actor, "CANCELLED", details);
        events.changed(quota, "CANCELLED", actor);
        for (Message message : effect.told()) {
            outbox.publish(new NotificationRequested(message.kind(), message.recipientEmail(),
                    message.recipientName(), "en", quota.id.toString(), actor, message.data()),
                    quota.id.toString(), message.recipientEmail());
        }
    }

    /** The holder (or sub-recipient) learns what was cancelled and what is refunded. */
    private Message message(Quota quota, CancellationScope scope, int cancelledTickets, int refundedCents) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(NotificationData.MATCHES, NotificationData.write(
                List.of(new NotificationData.Match(quota.matchName, quota.kickoff)), json));
        data.put(NotificationData.TICKET_COUNT, Integer.toString(cancelledTickets));
        data.put(NotificationData.CANCELLATION_SCOPE, scope.name());
        data.put(NotificationData.UNCLAIMED_TICKETS, "0");
        if (refundedCents > 0) {
            data.put(NotificationData.REFUND_AMOUNT,
                    String.format(java.util.Locale.ROOT, "%d.%02d %s", refundedCents / 100, refundedCents % 100,
                            CURRENCY));
        }
        return new Message(NotificationKind.QUOTA_CANCELLED.name(), quota.holderEmail, quota.holderName, data);
    }

    /** The payment a sold ticket was paid with, through the claim that sold it. */
    private static String paymentOf(List<Ticket> tickets, UUID ticketId) {
        return tickets.stream().filter(t -> t.id.equals(ticketId) && t.claimId != null).findFirst()
                .map(t -> Claim.<Claim>findById(t.claimId)).map(c -> c.paymentId).orElse(null);
    }
}
