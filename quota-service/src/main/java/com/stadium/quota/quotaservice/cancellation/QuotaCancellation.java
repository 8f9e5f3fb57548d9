package com.stadium.quota.quotaservice.cancellation;

import java.time.Instant;
import java.util.ArrayList;
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

    /** What was cancelled of one quota. */
    public record Cancelled(UUID quotaId, UUID parentId, String holderEmail, Map<TicketStatus, Integer> cancelledTickets,
            int unfulfilledCancelled, int soldKept, int refundsRequested, int refundedCents) {
    }

    /** The answer to a cancellation. */
    public record Report(CancellationScope scope, List<Cancelled> quotas) {
    }

    /**
     * @param quotaIds the quotas asked for (a quota, or a group's); their subquotas are cancelled with them
     */
    @Transactional
    public Report cancel(List<UUID> quotaIds, CancellationScope scope, String actor) {
        List<Quota> quotas = new ArrayList<>(Quota.<Quota>find("id in ?1", quotaIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list());
        if (quotas.stream().allMatch(q -> q.state == QuotaState.CANCELLED)) {
            throw InvalidInput.conflict("quota", "already cancelled");
        }
        quotas.addAll(Quota.<Quota>find("parentId in ?1", quotaIds).withLock(LockModeType.PESSIMISTIC_WRITE).list());
        Instant now = Instant.now();
        List<Cancelled> report = new ArrayList<>();
        for (Quota quota : quotas) {
            if (quota.state != QuotaState.CANCELLED) {
                report.add(cancel(quota, scope, actor, now));
            }
        }
        return new Report(scope, report);
    }

    private Cancelled cancel(Quota quota, CancellationScope scope, String actor, Instant now) {
        claims.settleBeforeCancellation(quota, actor);
        List<Ticket> tickets = Ticket.list("quotaId", quota.id);
        CancellationPlan.Outcome plan = CancellationPlan.plan(tickets.stream()
                .map(t -> new CancellationPlan.TicketView(t.id, t.status, quota.kickoff, t.paidCents)).toList(),
                scope, now);
        List<Long> releasedSeats = new ArrayList<>();
        for (Ticket ticket : tickets) {
            if (plan.cancelled().contains(ticket.id)) {
                ticket.status = TicketStatus.CANCELLED;
                ticket.updatedAt = now;
                releasedSeats.add(ticket.seatId);
            }
        }
        int refundedCents = 0;
        for (CancellationPlan.TicketView paid : plan.refunded()) {
            Refund refund = new Refund();
            refund.id = UUID.randomUUID();
            refund.ticketId = paid.id();
            refund.quotaId = quota.id;
            refund.amountCents = paid.paidCents();
            refund.status = Refunds.REQUESTED;
            refund.requestedAt = now;
            refund.paymentId = paymentOf(tickets, paid.id());
            refund.persist();
            refunds.afterCommit();
            refundedCents += paid.paidCents();
            outbox.publish(new RefundRequested(refund.id, quota.id, paid.id(), paid.paidCents(), CURRENCY,
                    "refund-" + paid.id(), "QUOTA_CANCELLED"), quota.id.toString());
        }
        if (!releasedSeats.isEmpty()) {
            outbox.publish(new SeatsReleased(quota.matchId, quota.inventoryHolder(), releasedSeats, "CANCELLED"),
                    quota.id.toString(), Long.toString(quota.matchId));
        }
        int unfulfilled = quota.unfulfilled;
        quota.unfulfilled = 0;
        quota.state = QuotaState.CANCELLED;
        quota.cancelledAt = now;
        quota.cancellationScope = scope.name();
        Cancelled cancelled = new Cancelled(quota.id, quota.parentId, quota.holderEmail, plan.cancelledByStatus(),
                unfulfilled, plan.soldKept(), plan.refunded().size(), refundedCents);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", scope.name());
        details.put("cancelledTickets", plan.cancelledByStatus());
        details.put("unfulfilledCancelled", unfulfilled);
        details.put("soldKept", plan.soldKept());
        details.put("refundsRequested", plan.refunded().size());
        details.put("refundedCents", refundedCents);
        audit.record(quota.id, actor, "CANCELLED", details);
        events.changed(quota, "CANCELLED", actor);
        tell(quota, scope, plan.cancelled().size(), refundedCents, actor);
        return cancelled;
    }

    /** The holder (or sub-recipient) learns what was cancelled and what is refunded. */
    private void tell(Quota quota, CancellationScope scope, int cancelledTickets, int refundedCents, String actor) {
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
        outbox.publish(new NotificationRequested(NotificationKind.QUOTA_CANCELLED.name(), quota.holderEmail,
                quota.holderName, "en", quota.id.toString(), actor, data), quota.id.toString(), quota.holderEmail);
    }

    /** The payment a sold ticket was paid with, through the claim that sold it. */
    private static String paymentOf(List<Ticket> tickets, UUID ticketId) {
        return tickets.stream().filter(t -> t.id.equals(ticketId) && t.claimId != null).findFirst()
                .map(t -> Claim.<Claim>findById(t.claimId)).map(c -> c.paymentId).orElse(null);
    }
}
