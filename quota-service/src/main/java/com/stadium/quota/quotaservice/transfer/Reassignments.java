package com.stadium.quota.quotaservice.transfer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.holder.HolderQuotas.TicketCard;
import com.stadium.quota.quotaservice.notice.MessageToPerson;
import com.stadium.quota.quotaservice.notice.Messenger;
import com.stadium.quota.quotaservice.notice.Notices;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaRefusal;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.ticketcode.TicketCodes;
import com.stadium.quota.web.InvalidInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Gives a sold ticket to another attendee: locks the quota's row ({@link HolderQuotas#lockOwn}), asks the aggregate
 * ({@link Quota#reassign}), then audits, announces {@code quota.changed} and tells both attendees, all in one
 * transaction. Of two re-assignments of one ticket the second waits for the lock and gets 409 with the card as the
 * first left it.
 */
@ApplicationScoped
public class Reassignments {

    @Inject
    QuotaServiceConfig config;

    @Inject
    HolderQuotas holderQuotas;

    @Inject
    Quotas quotas;

    @Inject
    QuotaEvents events;

    @Inject
    Audit audit;

    @Inject
    Messenger messenger;

    @Inject
    TicketCodes codes;

    @Inject
    Clock clock;

    /** The new attendee, and the version of the card the caller saw (null: whatever it is now). */
    public record NewAttendee(String name, String email, Integer attendeeVersion) {
    }

    @Transactional
    public TicketCard reassign(Caller caller, UUID quotaId, UUID ticketId, NewAttendee request) {
        if (request == null) {
            throw InvalidInput.of("body", "is required: {\"name\":\"…\",\"email\":\"…\",\"attendeeVersion\":0}");
        }
        Quota quota = holderQuotas.lockOwn(caller.email(), quotaId);
        List<QuotaEvent> happened;
        try {
            happened = quota.reassign(new Quota.Reassignment(ticketId, request.name(), request.email(),
                    request.attendeeVersion()), clock.instant(), config.transfer().cutoff());
        } catch (QuotaRefusal refusal) {
            throw refused(refusal, quota, ticketId);
        }
        quotas.save(quota);
        QuotaEvent.TicketReassigned reassigned = (QuotaEvent.TicketReassigned) happened.get(0);
        Ticket ticket = quota.ticket(ticketId).orElseThrow();
        events.changed(quota, QuotaChanged.Change.TICKET_REASSIGNED, caller.actor());
        audit.record(quota.id, caller.actor(), caller.onBehalfOf(), "TICKET_REASSIGNED", details(reassigned));
        for (MessageToPerson message : Notices.reassigned(quota, reassigned, codes.codeOf(ticket))) {
            messenger.send(message, caller.actor());
        }
        return holderQuotas.card(quota, ticket);
    }

    /** 400 naming the field, 403 with the reason, 409 with the ticket's card as it is now. */
    private InvalidInput refused(QuotaRefusal refusal, Quota quota, UUID ticketId) {
        return switch (refusal.kind()) {
            case INVALID -> new InvalidInput(refusal.violations());
            case FORBIDDEN -> InvalidInput.forbidden(refusal.violations());
            case CONFLICT -> InvalidInput.conflict(refusal.violations()).withCurrent(
                    quota.ticket(ticketId).map(t -> holderQuotas.card(quota, t)).orElse(null));
        };
    }

    private static Map<String, Object> details(QuotaEvent.TicketReassigned reassigned) {
        QuotaEvent.SoldTicket ticket = reassigned.ticket();
        String from = person(reassigned.previousName(), reassigned.previousEmail());
        String to = person(ticket.attendeeName(), ticket.attendeeEmail());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("summary", "attendee of ticket " + ticket.ticketId() + " (" + seat(ticket) + ") changed from "
                + from + " to " + to);
        details.put("ticket", ticket.ticketId().toString());
        details.put("from", from);
        details.put("to", to);
        details.put("attendeeVersion", reassigned.attendeeVersion());
        return details;
    }

    private static String seat(QuotaEvent.SoldTicket ticket) {
        return ticket.sector() + " row " + ticket.row() + " seat " + ticket.seat();
    }

    private static String person(String name, String email) {
        return (name == null ? "" : name + " ") + "<" + email + ">";
    }
}
