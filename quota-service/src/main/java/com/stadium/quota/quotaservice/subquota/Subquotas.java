package com.stadium.quota.quotaservice.subquota;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.claim.QuotaTurns;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.holder.HolderQuotas.MyQuotaDetail;
import com.stadium.quota.quotaservice.holder.HolderQuotas.TicketCard;
import com.stadium.quota.quotaservice.invitation.Invitations;
import com.stadium.quota.quotaservice.notice.Messenger;
import com.stadium.quota.quotaservice.notice.Notices;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaRefusal;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.web.InvalidInput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * Passing tickets on and taking them back: the {@link Quota} decides and moves the tickets; this hands the events on
 * (invitation, message, audit, quota events). Both lock the parent quota's row first (a retraction then the
 * subquota's), so a ticket is never in two subquotas or in a claim and a subquota at once.
 */
@ApplicationScoped
public class Subquotas {

    @Inject
    HolderQuotas holderQuotas;

    @Inject
    Quotas quotas;

    @Inject
    QuotaEvents events;

    @Inject
    Audit audit;

    @Inject
    Invitations invitations;

    @Inject
    Messenger messenger;

    @Inject
    QuotaTurns turns;

    @Inject
    Clock clock;

    /** What to pass on: either a number of tickets (chosen to sit together) or the tickets themselves. */
    public record NewSubquota(String recipientEmail, String recipientName, Integer tickets, List<UUID> ticketIds,
            String personalMessage) {

        Quota.PassOn passOn() {
            return new Quota.PassOn(recipientEmail, recipientName, tickets, ticketIds, personalMessage);
        }
    }

    /** What a subquota would pass on, shown before it is created: exactly the tickets a create would move. */
    public record Preview(String recipientEmail, String recipientName, List<TicketCard> tickets) {
    }

    /**
     * The same checks and the same choice of tickets as {@link #create}, changing nothing: no lock, no event, no
     * mail. Tickets taken meanwhile make the create that follows a 409, as always.
     */
    @Transactional
    public Preview preview(Caller caller, UUID parentId, NewSubquota request) {
        requireBody(request);
        Quota parent = holderQuotas.own(caller.email(), parentId);
        List<UUID> chosen;
        try {
            chosen = parent.choosePassOn(request.passOn());
        } catch (QuotaRefusal refusal) {
            throw holderQuotas.refused(refusal, parent, request.ticketIds());
        }
        Set<UUID> ids = new HashSet<>(chosen);
        List<Ticket> tickets = parent.tickets().stream().filter(t -> ids.contains(t.id)).toList();
        return new Preview(QuotaRules.normalEmail(request.recipientEmail()), request.recipientName().strip(),
                holderQuotas.cards(parent, tickets));
    }

    /** In the parent quota's turn, as claims are ({@link QuotaTurns}): a crowd must not hold every connection. */
    public MyQuotaDetail create(Caller caller, UUID parentId, NewSubquota request) {
        requireBody(request);
        return turns.inTurn(parentId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Quota parent = holderQuotas.lockOwn(caller.email(), parentId);
            QuotaEvent.TicketsPassedOn passed;
            try {
                passed = (QuotaEvent.TicketsPassedOn) parent.passOn(request.passOn(), caller.actor(),
                        clock.instant()).get(0);
            } catch (QuotaRefusal refusal) {
                throw holderQuotas.refused(refusal, parent, request.ticketIds());
            }
            Quota sub = parent.subquota(passed.subquotaId());
            quotas.save(parent);

            invitations.invite(sub, List.of(sub), caller.actor(), passed.personalMessage());
            events.changed(parent, QuotaChanged.Change.SUBQUOTA_CREATED, caller.actor());
            events.changed(sub, QuotaChanged.Change.CREATED, caller.actor());
            int count = passed.ticketIds().size();
            audit.record(parent.id, caller.actor(), caller.onBehalfOf(), "SUBQUOTA_CREATED", Map.of("subquota",
                    sub.id.toString(), "recipient", sub.holderEmail, "tickets", count));
            audit.record(sub.id, caller.actor(), caller.onBehalfOf(), "CREATED", Map.of("parent",
                    parent.id.toString(), "tickets", count));
            return holderQuotas.detail(sub);
        }));
    }

    /**
     * Takes back the subquota's ALLOCATED tickets; RESERVED and SOLD ones stay with the recipient. A subquota left
     * with nothing is closed and its link stops working. In the parent quota's turn, as a create.
     */
    public MyQuotaDetail retract(Caller caller, UUID parentId, UUID subquotaId) {
        return turns.inTurn(parentId, () -> QuarkusTransaction.requiringNew().call(
                () -> retractLocked(caller, parentId, subquotaId)));
    }

    private MyQuotaDetail retractLocked(Caller caller, UUID parentId, UUID subquotaId) {
        Quota parent = holderQuotas.lockOwn(caller.email(), parentId);
        Quota sub = quotas.lock(subquotaId);
        if (sub == null || !parent.id.equals(sub.parentId)) {
            throw new NotFoundException("no subquota " + subquotaId + " of quota " + parentId);
        }
        Instant now = clock.instant();
        QuotaEvent.TicketsRetracted retracted;
        try {
            retracted = (QuotaEvent.TicketsRetracted) parent.retract(sub, now).get(0);
        } catch (QuotaRefusal refusal) {
            throw holderQuotas.refused(refusal, parent);
        }
        quotas.save(parent);
        if (retracted.subquotaClosed()) {
            invitations.revoke(sub.id, caller.actor(), now);
        }
        messenger.send(Notices.retracted(sub, parent, retracted), caller.actor());
        events.changed(parent, QuotaChanged.Change.SUBQUOTA_RETRACTED, caller.actor());
        events.changed(sub, QuotaChanged.Change.RETRACTED, caller.actor());
        Map<String, Object> details = Map.of("subquota", sub.id.toString(), "tickets", retracted.tickets());
        audit.record(parent.id, caller.actor(), caller.onBehalfOf(), "SUBQUOTA_RETRACTED", details);
        audit.record(sub.id, caller.actor(), caller.onBehalfOf(), "RETRACTED", details);
        return holderQuotas.detail(parent);
    }

    private static void requireBody(NewSubquota request) {
        if (request == null) {
            throw InvalidInput.of("body", "recipientEmail, recipientName and tickets or ticketIds are required");
        }
    }
}
