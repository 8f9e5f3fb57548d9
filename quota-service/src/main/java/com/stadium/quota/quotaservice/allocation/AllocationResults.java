package com.stadium.quota.quotaservice.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.inbox.Inbox;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.messaging.trace.TraceContext;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.invitation.Invitations;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.web.ConnectionLoss;

import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Hands allocation results to the quotas they answer ({@link Quota#applyAllocation}) and their events on: audit,
 * quota events, seats given back, and one invitation per allocated quota or group.
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

    @Inject
    Quotas quotas;

    @Inject
    Clock clock;

    /**
     * Applies a poll's results in one transaction (an import's 50 answers arrive together); if that fails, one at a
     * time, so only the result that fails goes to the dead-letter topic. Each result continues its own trace.
     */
    @Incoming("allocation-results")
    @Blocking
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = List.copyOf(batch.getRecords());
        try {
            applyAll(records);
        } catch (RuntimeException e) {
            LOG.warnf("a poll of %d allocation results failed (%s); applying them one at a time", records.size(),
                    e.getMessage());
            for (KafkaRecord<String, String> record : records) {
                try {
                    applyAll(List.of(record));
                } catch (RuntimeException failed) {
                    LOG.warnf("allocation result with key %s goes to the dead-letter topic: %s", record.getKey(),
                            failed.getMessage());
                    record.nack(failed).toCompletableFuture().join();
                }
            }
        }
        return batch.ack();
    }

    private void applyAll(List<KafkaRecord<String, String>> records) {
        // a database outage must not send a good message to the dead-letter topic
        ConnectionLoss.retried(() -> QuarkusTransaction.requiringNew().run(() -> {
            for (KafkaRecord<String, String> record : records) {
                try (Scope trace = TraceContext.readFrom(record.getHeaders()).asParent().makeCurrent()) {
                    apply(record.getPayload());
                }
            }
        }));
    }

    private void apply(String message) {
        EventEnvelope envelope = EventEnvelope.parse(message, json);
        if (!envelope.is(AllocationCompleted.TYPE) || !inbox.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        AllocationCompleted result = envelope.payloadAs(AllocationCompleted.class, json);
        List<Quota> answered = quotas.list("allocationRequestId = ?1", LockModeType.NONE,
                result.requestId());
        if (answered.isEmpty()) {
            LOG.debugf("result of request %s names no quota of this service", result.requestId());
            return;
        }
        boolean allocated = false;
        Instant now = clock.instant();
        for (Quota quota : answered) {
            List<Quota.HeldSeat> seats = result.holds().stream()
                    .filter(h -> h.quotaId().equals(quota.id)).findFirst()
                    .map(h -> h.seats().stream().map(s -> new Quota.HeldSeat(s.seatId(), s.sector(), s.row(),
                            s.seat(), s.category(), s.priceCents())).toList())
                    .orElse(List.of());
            Quota.Allocation.Outcome outcome = outcome(result.outcome());
            List<QuotaEvent> happened = quota.applyAllocation(new Quota.Allocation(outcome, result.requested(),
                    result.allocated(), result.freeSeats(),
                    outcome == Quota.Allocation.Outcome.FAILED ? describe(result) : null, result.seed(), seats,
                    seatQuality(result.seatQuality())), now);
            quotas.save(quota);
            for (QuotaEvent event : happened) {
                allocated |= event instanceof QuotaEvent.Allocated held && held.seats() > 0;
                handOn(quota, event);
            }
        }
        if (allocated && answered.get(0).parentId == null) {
            // one deeplink for the whole group: the holder sees every match of it
            invitations.invite(answered.get(0), answered, ACTOR);
        }
    }

    private void handOn(Quota quota, QuotaEvent event) {
        if (event instanceof QuotaEvent.Allocated held) {
            audit.record(quota.id, ACTOR, held.state().name(), Map.of("seats", held.seats(),
                    "unfulfilled", held.unfulfilled(), "seed", held.seed()));
            events.changed(quota, QuotaChanged.Change.ALLOCATED, ACTOR);
        } else if (event instanceof QuotaEvent.AllocationFailed failed) {
            audit.record(quota.id, ACTOR, QuotaChanged.Change.ALLOCATION_FAILED.name(),
                    Map.of("freeSeats", failed.freeSeats(),
                    "reason", failed.reason()));
            events.changed(quota, QuotaChanged.Change.ALLOCATION_FAILED, ACTOR);
        } else if (event instanceof QuotaEvent.SeatsReturned returned) {
            outbox.publish(new SeatsReleased(returned.matchId(), returned.quotaId(), returned.seatIds(),
                    SeatsReleased.Reason.CANCELLED),
                    quota.id.toString(), Long.toString(quota.matchId));
        }
    }

    static Quota.SeatQuality seatQuality(AllocationCompleted.SeatQuality quality) {
        return quality == null ? null : new Quota.SeatQuality(quality.rule(), quality.together(), quality.blocks(),
                quality.rows(), quality.sectors(), quality.orphansCreated(), quality.meanQuality());
    }

    /** ALLOCATED and PARTIALLY_ALLOCATED hold seats; FAILED and REJECTED hold none. */
    static Quota.Allocation.Outcome outcome(AllocationCompleted.Outcome outcome) {
        return switch (outcome) {
            case ALLOCATED -> Quota.Allocation.Outcome.ALLOCATED;
            case PARTIALLY_ALLOCATED -> Quota.Allocation.Outcome.PARTIALLY_ALLOCATED;
            case FAILED, REJECTED -> Quota.Allocation.Outcome.FAILED;
        };
    }

    /** The reason in words, naming the match that blocks a group when only some matches lack seats. */
    static String describe(AllocationCompleted result) {
        String reason = result.reason() == null ? result.outcome().name() : result.reason();
        List<String> blocking = result.freeByMatch().stream()
                .filter(m -> m.freeSeats() < result.requested())
                .map(m -> "match " + m.matchId() + " has " + m.freeSeats() + " free").toList();
        return blocking.isEmpty() ? reason : reason + " (" + String.join(", ", blocking) + ")";
    }
}
