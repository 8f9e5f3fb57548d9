package com.stadium.quota.quotaservice.claim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.quotaservice.allocation.SeatSales;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.notice.MessageToPerson;
import com.stadium.quota.quotaservice.notice.Messenger;
import com.stadium.quota.quotaservice.notice.Notices;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.quotaservice.ticketcode.TicketCodes;

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
    Messenger messenger;

    @Inject
    SeatSales sales;

    @Inject
    TicketCodes codes;

    @Inject
    ClaimMetrics metrics;

    /**
     * @param onBehalfOf the holder a masquerading admin acts for, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handOn(Quota quota, List<QuotaEvent> happened, String actor, String onBehalfOf) {
        for (QuotaEvent event : happened) {
            if (event instanceof QuotaEvent.TicketsReserved reserved) {
                metrics.started();
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
                metrics.completed();
                confirm(quota, sold, actor);
                record(quota, sold.claimId(), actor, onBehalfOf, "CLAIM_COMPLETED", Map.of("tickets",
                        sold.tickets().size(), "paidCents", sold.paidCents()));
            } else if (event instanceof QuotaEvent.TicketsReleased released) {
                metrics.released(released.because());
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
        // the quota was loaded whole under its lock (Quotas.lock) and a claim moves no ticket elsewhere; the event and
        // its audit line go in one statement, one round trip fewer under the lock
        events.changedAsLoaded(quota, QuotaChanged.Change.valueOf(action), actor,
                audit.line(quota.id, actor, onBehalfOf, action, withClaim));
        LOG.debugf("claim %s of quota %s: %s by %s", claimId, quota.id, action, actor);
    }

    /** The claimant gets every ticket; each guest with an email of their own gets theirs. */
    private void confirm(Quota quota, QuotaEvent.TicketsSold sold, String actor) {
        int unclaimed = events.ticketCounts(quota.id).get(TicketStatus.ALLOCATED);
        for (MessageToPerson message : Notices.claimConfirmations(quota, sold, unclaimed,
                id -> quota.ticket(id).map(codes::codeOf).orElse(null))) {
            messenger.send(message, actor);
        }
    }
}
