package com.stadium.quota.quotaservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;

/**
 * Plays allocation-service's part on the real broker: reads the request quota-service published and answers it
 * on allocation-results, so the real consumer does the rest.
 */
public final class Allocations {

    private static final AtomicLong SEAT_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000);

    /** The seat-quality summary every allocated answer carries: one block in one row, no orphan. */
    public static final AllocationCompleted.SeatQuality SEATED_TOGETHER = new AllocationCompleted.SeatQuality("1",
            true, 1, 1, 1, 0, 64.5);

    private Allocations() {
    }

    public static AllocationRequested requestFor(UUID quotaId, ObjectMapper json) {
        try (TopicReader reader = new TopicReader(Topics.ALLOCATION_REQUESTS)) {
            List<ConsumerRecord<String, String>> found = reader.await(r -> r.value().contains(quotaId.toString()),
                    Duration.ofSeconds(20));
            assertThat(found).as("allocation request of quota %s", quotaId).hasSize(1);
            return EventEnvelope.parse(found.get(0).value(), json).payloadAs(AllocationRequested.class, json);
        }
    }

    /** Answers with {@code seats} seats per quota of the request (none unless allocated). */
    public static AllocationCompleted answer(AllocationRequested request, String outcome, int seats, int freeSeats,
            List<AllocationCompleted.MatchFree> freeByMatch, ObjectMapper json) {
        List<AllocationCompleted.MatchHolds> holds = new ArrayList<>();
        if (outcome.endsWith("ALLOCATED")) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < seats; i++) {
                ids.add(SEAT_IDS.incrementAndGet());
            }
            for (AllocationRequested.MatchQuota quota : request.quotas()) {
                holds.add(new AllocationCompleted.MatchHolds(quota.matchId(), quota.quotaId(), ids.stream()
                        .map(id -> new AllocationCompleted.HeldSeat(id, "W2", "7", Long.toString(id % 1000), "CAT2",
                                6000))
                        .toList()));
            }
        }
        AllocationCompleted result = new AllocationCompleted(request.requestId(),
                AllocationCompleted.Outcome.valueOf(outcome), request.quantity(),
                holds.isEmpty() ? 0 : seats, freeSeats, outcome.equals("FAILED") ? "only " + freeSeats + " of "
                        + request.quantity() + " seats are free in the chosen sectors" : null,
                request.algorithm(), 4242L, freeByMatch, holds, holds.isEmpty() ? null : SEATED_TOGETHER);
        send(result, json);
        return result;
    }

    public static void send(AllocationCompleted result, ObjectMapper json) {
        try {
            String key = result.requestId().toString();
            TopicWriter.send(Topics.ALLOCATION_RESULTS, key,
                    json.writeValueAsString(EventEnvelope.of(result, key, Instant.now(), json)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
