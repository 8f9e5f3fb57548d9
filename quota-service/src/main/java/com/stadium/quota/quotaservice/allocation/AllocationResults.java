package com.stadium.quota.quotaservice.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.inbox.Inbox;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.invitation.Invitations;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns allocation results into tickets and quota states. Only a quota still waiting for that request changes;
 * a result for a quota cancelled meanwhile gives its seats straight back.
 */
@ApplicationScoped
public class AllocationResults {

    private static final Logger LOG = Logger.getLogger(AllocationResults.class);
    static final String CONSUMER = "quota-service/allocation-results";
    static final String ACTOR = "allocation-service";

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    QuotaEvents events;

    @Inject
    Invitations invitations;

    @Incoming("allocation-results")
    @Blocking
    @Transactional
    public void receive(String message) {
        EventEnvelope envelope = EventEnvelope.parse(message, json);
        if (!envelope.is(AllocationCompleted.TYPE) || !inbox.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        AllocationCompleted result = envelope.payloadAs(AllocationCompleted.class, json);
        List<Quota> quotas = Quota.list("allocationRequestId", result.requestId());
        if (quotas.isEmpty()) {
            LOG.debugf("result of request %s names no quota of this service", result.requestId());
            return;
        }
        boolean allocated = false;
        for (Quota quota : quotas) {
            List<AllocationCompleted.HeldSeat> seats = result.holds().stream()
                    .filter(h -> h.quotaId().equals(quota.id)).findFirst()
                    .map(AllocationCompleted.MatchHolds::seats).orElse(List.of());
            if (quota.state == QuotaState.PENDING_ALLOCATION) {
                apply(quota, result, seats);
                allocated |= !seats.isEmpty();
            } else if (quota.state == QuotaState.CANCELLED && !seats.isEmpty()) {
                outbox.publish(new SeatsReleased(quota.matchId, quota.id,
                        seats.stream().map(AllocationCompleted.HeldSeat::seatId).toList(), "CANCELLED"),
                        quota.id.toString(), Long.toString(quota.matchId));
            }
        }
        if (allocated && quotas.get(0).parentId == null) {
            // one deeplink for the whole group: the holder sees every match of it
            invitations.invite(quotas.get(0), quotas, ACTOR);
        }
    }

    private void apply(Quota quota, AllocationCompleted result, List<AllocationCompleted.HeldSeat> seats) {
        Instant now = Instant.now();
        quota.seed = result.seed();
        switch (result.outcome()) {
            case "ALLOCATED", "PARTIALLY_ALLOCATED" -> {
                quota.state = result.outcome().equals("ALLOCATED") ? QuotaState.ALLOCATED
                        : QuotaState.PARTIALLY_ALLOCATED;
                quota.unfulfilled = result.requested() - result.allocated();
                for (AllocationCompleted.HeldSeat seat : seats) {
                    Ticket ticket = new Ticket();
                    ticket.id = UUID.randomUUID();
                    ticket.quotaId = quota.id;
                    ticket.matchId = quota.matchId;
                    ticket.seatId = seat.seatId();
                    ticket.sector = seat.sector();
                    ticket.rowLabel = seat.row();
                    ticket.seatLabel = seat.seat();
                    ticket.category = seat.category();
                    ticket.priceCents = seat.priceCents();
                    ticket.status = TicketStatus.ALLOCATED;
                    ticket.updatedAt = now;
                    ticket.persist();
                }
                audit.record(quota.id, ACTOR, quota.state.name(), Map.of("seats", seats.size(),
                        "unfulfilled", quota.unfulfilled, "seed", result.seed()));
                events.changed(quota, "ALLOCATED", ACTOR);
            }
            default -> {
                quota.state = QuotaState.ALLOCATION_FAILED;
                quota.freeSeats = result.freeSeats();
                quota.failureReason = describe(result);
                audit.record(quota.id, ACTOR, "ALLOCATION_FAILED", Map.of("freeSeats", result.freeSeats(),
                        "reason", quota.failureReason));
                events.changed(quota, "ALLOCATION_FAILED", ACTOR);
            }
        }
    }

    /** The reason in words, naming the match that blocks a group when only some matches lack seats. */
    static String describe(AllocationCompleted result) {
        String reason = result.reason() == null ? result.outcome() : result.reason();
        List<String> blocking = result.freeByMatch().stream()
                .filter(m -> m.freeSeats() < result.requested())
                .map(m -> "match " + m.matchId() + " has " + m.freeSeats() + " free").toList();
        return blocking.isEmpty() ? reason : reason + " (" + String.join(", ", blocking) + ")";
    }
}
