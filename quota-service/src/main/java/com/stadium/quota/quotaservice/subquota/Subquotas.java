package com.stadium.quota.quotaservice.subquota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.claim.ClaimRules;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.holder.HolderQuotas.MyQuotaDetail;
import com.stadium.quota.quotaservice.holder.HolderQuotas.TicketCard;
import com.stadium.quota.quotaservice.invitation.Invitations;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Passing tickets on and taking them back, over {@link SubquotaRules}. Both lock the parent quota's row first (a
 * retraction then the subquota's), so a ticket is never in two subquotas or in a claim and a subquota at once.
 */
@ApplicationScoped
public class Subquotas {

    @Inject
    HolderQuotas quotas;

    @Inject
    QuotaEvents events;

    @Inject
    Audit audit;

    @Inject
    Invitations invitations;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /** What to pass on: either a number of tickets (chosen to sit together) or the tickets themselves. */
    public record NewSubquota(String recipientEmail, String recipientName, Integer tickets, List<UUID> ticketIds,
            String personalMessage) {
    }

    /** What a subquota would pass on, shown before it is created: exactly the tickets a create would move. */
    public record Preview(String recipientEmail, String recipientName, List<TicketCard> tickets) {
    }

    /** The tickets chosen for a subquota, with the parent as the rules saw it. */
    private record Choice(SubquotaRules.Parent parent, List<UUID> ticketIds) {
    }

    /**
     * The same checks and the same choice of tickets as {@link #create}, changing nothing: no lock, no event, no
     * mail. Tickets taken meanwhile make the create that follows a 409, as always.
     */
    @Transactional
    public Preview preview(Caller caller, UUID parentId, NewSubquota request) {
        requireBody(request);
        Quota parent = quotas.own(caller.email(), parentId);
        Choice choice = choose(parent, request);
        List<Ticket> tickets = Ticket.list("id in ?1 order by sector, rowLabel, seatId", choice.ticketIds());
        return new Preview(QuotaRules.normalEmail(request.recipientEmail()), request.recipientName().strip(),
                HolderQuotas.cards(parent, tickets));
    }

    @Transactional
    public MyQuotaDetail create(Caller caller, UUID parentId, NewSubquota request) {
        requireBody(request);
        Quota parent = quotas.lockOwn(caller.email(), parentId);
        Choice choice = choose(parent, request);
        List<UUID> passedOn = choice.ticketIds();

        Instant now = Instant.now();
        SubquotaRules.Rights rights = SubquotaRules.rightsOf(choice.parent());
        Quota sub = new Quota();
        sub.id = UUID.randomUUID();
        sub.parentId = parent.id;
        sub.matchId = parent.matchId;
        sub.matchName = parent.matchName;
        sub.kickoff = parent.kickoff;
        sub.holderEmail = QuotaRules.normalEmail(request.recipientEmail());
        sub.holderName = request.recipientName().strip();
        sub.sectors = parent.sectors;
        sub.quantity = passedOn.size();
        sub.discountPercent = parent.discountPercent;
        sub.algorithm = parent.algorithm;
        sub.expiresOn = parent.expiresOn;
        sub.mayDelegate = rights.mayDelegate();
        sub.transferable = rights.transferable();
        sub.includeAccessible = parent.includeAccessible;
        sub.state = QuotaState.ALLOCATED;
        sub.createdAt = now;
        sub.createdBy = caller.actor();
        sub.persistAndFlush(); // the tickets' foreign key needs the row before they move
        int moved = Ticket.update("quotaId = ?1, updatedAt = ?2 where id in ?3 and quotaId = ?4 and status = ?5",
                sub.id, now, new HashSet<>(passedOn), parent.id, TicketStatus.ALLOCATED);
        if (moved != passedOn.size()) {
            throw new IllegalStateException("the parent's row lock should have kept its tickets as they were");
        }

        invitations.invite(sub, List.of(sub), caller.actor(), request.personalMessage());
        events.changed(parent, "SUBQUOTA_CREATED", caller.actor());
        events.changed(sub, "CREATED", caller.actor());
        audit.record(parent.id, caller.actor(), caller.onBehalfOf(), "SUBQUOTA_CREATED", Map.of("subquota",
                sub.id.toString(), "recipient", sub.holderEmail, "tickets", passedOn.size()));
        audit.record(sub.id, caller.actor(), caller.onBehalfOf(), "CREATED", Map.of("parent", parent.id.toString(),
                "tickets", passedOn.size()));
        return quotas.detail(sub);
    }

    /**
     * Takes back the subquota's ALLOCATED tickets; RESERVED and SOLD ones stay with the recipient. A subquota left
     * with nothing is closed and its link stops working.
     */
    @Transactional
    public MyQuotaDetail retract(Caller caller, UUID parentId, UUID subquotaId) {
        Quota parent = quotas.lockOwn(caller.email(), parentId);
        Quota sub = subquotaId == null ? null : Quota.findById(subquotaId, LockModeType.PESSIMISTIC_WRITE);
        if (sub == null || !parent.id.equals(sub.parentId)) {
            throw new NotFoundException("no subquota " + subquotaId + " of quota " + parentId);
        }
        if (sub.state == QuotaState.CANCELLED) {
            throw InvalidInput.conflict(List.of(new Violation("subquota", "was closed already", null,
                    sub.state.name()))).withCurrent(quotas.detail(parent));
        }
        Instant now = Instant.now();
        int back = Ticket.update("quotaId = ?1, updatedAt = ?2 where quotaId = ?3 and status = ?4", parent.id, now,
                sub.id, TicketStatus.ALLOCATED);
        if (back == 0) {
            throw InvalidInput.conflict(List.of(new Violation("subquota", "every ticket is claimed by "
                    + sub.holderName + " already; nothing to take back", null, sub.id.toString())))
                    .withCurrent(quotas.detail(parent));
        }
        // quantity stays what was passed on; the ticket counts show what is left
        if (Ticket.count("quotaId = ?1 and status <> ?2", sub.id, TicketStatus.CANCELLED) == 0) {
            sub.state = QuotaState.CANCELLED;
            sub.cancelledAt = now;
            invitations.revoke(sub.id, caller.actor(), now);
        }
        outbox.publish(new NotificationRequested(NotificationKind.SUBQUOTA_RETRACTED.name(), sub.holderEmail,
                sub.holderName, "en", sub.id.toString(), caller.actor(), Map.of(
                        NotificationData.SENDER_NAME, parent.holderName,
                        NotificationData.MATCHES, NotificationData.write(List.of(
                                new NotificationData.Match(sub.matchName, sub.kickoff)), json),
                        NotificationData.TICKET_COUNT, Integer.toString(back),
                        NotificationData.UNCLAIMED_TICKETS, "0")),
                sub.id.toString(), sub.holderEmail);
        events.changed(parent, "SUBQUOTA_RETRACTED", caller.actor());
        events.changed(sub, "RETRACTED", caller.actor());
        Map<String, Object> details = Map.of("subquota", sub.id.toString(), "tickets", back);
        audit.record(parent.id, caller.actor(), caller.onBehalfOf(), "SUBQUOTA_RETRACTED", details);
        audit.record(sub.id, caller.actor(), caller.onBehalfOf(), "RETRACTED", details);
        return quotas.detail(parent);
    }

    private static void requireBody(NewSubquota request) {
        if (request == null) {
            throw InvalidInput.of("body", "recipientEmail, recipientName and tickets or ticketIds are required");
        }
    }

    /** Every rule of passing on, and which tickets go: the chosen ones, or a number of them seated together. */
    private Choice choose(Quota parent, NewSubquota request) {
        UUID parentId = parent.id;
        if (!HolderQuotas.isOpen(parent)) {
            refuse(List.of(new Violation("quota", "the quota is " + parent.state.name().toLowerCase(Locale.ROOT)
                    + "; nothing can be passed on", null, parent.state.name())), true, parent);
        }
        List<Ticket> free = Ticket.list("quotaId = ?1 and status = ?2", parentId, TicketStatus.ALLOCATED);
        List<Violation> violations = new ArrayList<>();
        boolean chosen = request.ticketIds() != null;
        if (chosen == (request.tickets() != null)) {
            violations.add(Violation.of("tickets", "give either a number of tickets or ticketIds, not both"));
        }
        int count = chosen ? request.ticketIds().size() : request.tickets() == null ? 0 : request.tickets();
        SubquotaRules.Parent asParent = new SubquotaRules.Parent(parent.holderEmail, parent.mayDelegate,
                parent.parentId != null, parent.transferable, free.size());
        violations.addAll(SubquotaRules.check(asParent, request.recipientEmail(), request.recipientName(), count));
        if (request.personalMessage() != null && request.personalMessage().length() > 1000) {
            violations.add(Violation.of("personalMessage", "at most 1000 characters"));
        }
        List<UUID> passedOn = List.of();
        if (chosen) {
            List<Ticket> owned = Ticket.list("quotaId", parentId);
            List<Violation> wrong = ClaimRules.select(request.ticketIds(),
                    owned.stream().map(t -> new ClaimRules.TicketView(t.id, t.status)).toList());
            if (!wrong.isEmpty()) {
                boolean takenMeanwhile = owned.stream().anyMatch(t -> request.ticketIds().contains(t.id)
                        && t.status != TicketStatus.ALLOCATED)
                        || request.ticketIds().stream().anyMatch(id -> HolderQuotas.passedOnFrom(parent, id));
                violations.addAll(wrong);
                refuse(violations, takenMeanwhile, parent);
            }
            passedOn = request.ticketIds();
        } else if (violations.isEmpty()) {
            passedOn = SubquotaRules.keepTogether(free.stream().map(t -> new SubquotaRules.Seat(t.id, t.sector,
                    t.rowLabel, t.seatId)).toList(), count);
        }
        // more tickets asked than are free is the only rule another request can have broken meanwhile
        refuse(violations, count > free.size(), parent);
        return new Choice(asParent, passedOn);
    }

    private void refuse(List<Violation> violations, boolean conflict, Quota parent) {
        if (violations.isEmpty()) {
            return;
        }
        if (conflict) {
            throw InvalidInput.conflict(violations).withCurrent(quotas.detail(parent));
        }
        throw new InvalidInput(violations);
    }
}
