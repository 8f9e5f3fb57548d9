package com.stadium.quota.quotaservice.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.allocation.SeatSales;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Hands a claim's events on, in the transaction that made them: the audit trail and {@code quota.changed} for each,
 * {@code seats.sold} and the confirmation mails for a sale.
 */
@ApplicationScoped
public class ClaimOutcomes {

    private static final Logger LOG = Logger.getLogger(ClaimOutcomes.class);

    @Inject
    QuotaEvents events;

    @Inject
    Audit audit;

    @Inject
    Outbox outbox;

    @Inject
    SeatSales sales;

    @Inject
    ObjectMapper json;

    /**
     * @param onBehalfOf the holder a masquerading admin acts for, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handOn(Quota quota, List<QuotaEvent> happened, String actor, String onBehalfOf) {
        for (QuotaEvent event : happened) {
            if (event instanceof QuotaEvent.TicketsReserved reserved) {
                record(quota, reserved.claimId(), actor, onBehalfOf, "CLAIM_STARTED", Map.of("tickets",
                        reserved.ticketIds().size(), "holdExpiresAt", reserved.holdExpiresAt().toString()));
            } else if (event instanceof QuotaEvent.AttendeesNamed named) {
                record(quota, named.claimId(), actor, onBehalfOf, "CLAIM_ATTENDEES_GIVEN",
                        Map.of("amountCents", named.amountCents()));
            } else if (event instanceof QuotaEvent.PaymentRequested requested) {
                LOG.debugf("claim %s of quota %s waits for its payment", requested.claimId(), quota.id);
            } else if (event instanceof QuotaEvent.PaymentStarted started) {
                record(quota, started.claimId(), actor, onBehalfOf, "PAYMENT_STARTED", Map.of("paymentId",
                        started.paymentId(), "amountCents", started.amountCents()));
            } else if (event instanceof QuotaEvent.TicketsSold sold) {
                sales.sold(quota, sold.tickets().stream().map(QuotaEvent.SoldTicket::seatId).toList());
                confirm(quota, sold, actor);
                record(quota, sold.claimId(), actor, onBehalfOf, "CLAIM_COMPLETED", Map.of("tickets",
                        sold.tickets().size(), "paidCents", sold.paidCents()));
            } else if (event instanceof QuotaEvent.TicketsReleased released) {
                record(quota, released.claimId(), actor, onBehalfOf, "CLAIM_RELEASED",
                        Map.of("because", released.because()));
            } else {
                throw new IllegalArgumentException("not a claim's event: " + event);
            }
        }
    }

    private void record(Quota quota, UUID claimId, String actor, String onBehalfOf, String action,
            Map<String, Object> details) {
        Map<String, Object> withClaim = new LinkedHashMap<>(details);
        withClaim.put("claim", claimId.toString());
        events.changed(quota, QuotaChanged.Change.valueOf(action), actor);
        audit.record(quota.id, actor, onBehalfOf, action, withClaim);
        LOG.debugf("claim %s of quota %s: %s by %s", claimId, quota.id, action, actor);
    }

    /** The claimant gets every ticket; each guest with an email of their own gets theirs. */
    private void confirm(Quota quota, QuotaEvent.TicketsSold sold, String actor) {
        String claimant = sold.claimantEmail();
        Map<String, List<QuotaEvent.SoldTicket>> byRecipient = new LinkedHashMap<>();
        byRecipient.put(claimant, sold.tickets());
        for (QuotaEvent.SoldTicket ticket : sold.tickets()) {
            if (ticket.attendeeEmail() != null && !ticket.attendeeEmail().equals(claimant)) {
                byRecipient.computeIfAbsent(ticket.attendeeEmail(), e -> new ArrayList<>()).add(ticket);
            }
        }
        int unclaimed = events.ticketCounts(quota.id).get(TicketStatus.ALLOCATED);
        byRecipient.forEach((email, tickets) -> {
            String name = email.equals(claimant) ? quota.holderName : tickets.get(0).attendeeName();
            List<NotificationData.Ticket> cards = tickets.stream().map(t -> new NotificationData.Ticket(
                    t.ticketId().toString(), quota.matchName, quota.kickoff, t.sector(), t.row(), t.seat(),
                    t.attendeeName())).toList();
            outbox.publish(new NotificationRequested(NotificationKind.CLAIM_CONFIRMATION.name(), email, name, "en",
                    quota.id.toString(), actor, Map.of(NotificationData.TICKETS, NotificationData.write(cards, json),
                            NotificationData.UNCLAIMED_TICKETS, Integer.toString(unclaimed))),
                    quota.id.toString(), email);
        });
    }
}
