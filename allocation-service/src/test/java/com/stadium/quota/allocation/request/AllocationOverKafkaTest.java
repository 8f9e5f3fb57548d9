package com.stadium.quota.allocation.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.AllocationRequested.Algorithm;
import com.stadium.quota.messaging.contract.AllocationRequested.MatchQuota;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.contract.SeatsSold;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.Metrics;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Requests and releases travel through the test stack's real Kafka; seats are held in its real PostgreSQL.
 * Each test works in its own sector of the demo venue, so the tests do not see each other's seats.
 */
@QuarkusTest
class AllocationOverKafkaTest {

    @Inject
    ObjectMapper json;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private List<Long> matchIds() {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
    }

    private String send(SuiteEvent event, String key) throws Exception {
        EventEnvelope envelope = EventEnvelope.of(event, key, Instant.now(), json);
        String message = json.writeValueAsString(envelope);
        TopicWriter.send(event.topic(), key, message);
        return message;
    }

    /** Sends the event with one value of its JSON changed, as a producer of a later version might write it. */
    private String sendChanged(SuiteEvent event, String key, String value, String changed) throws Exception {
        String message = json.writeValueAsString(EventEnvelope.of(event, key, Instant.now(), json))
                .replace(value, changed);
        TopicWriter.send(event.topic(), key, message);
        return message;
    }

    private List<AllocationCompleted> results(UUID requestId, int atLeast) throws Exception {
        try (TopicReader reader = new TopicReader(Topics.ALLOCATION_RESULTS)) {
            List<ConsumerRecord<String, String>> records = reader.awaitCount(
                    r -> r.value().contains(requestId.toString()), atLeast, Duration.ofSeconds(30));
            return records.stream().map(r -> EventEnvelope.parse(r.value(), json)
                    .payloadAs(AllocationCompleted.class, json)).toList();
        }
    }

    private AllocationCompleted result(UUID requestId) throws Exception {
        List<AllocationCompleted> results = results(requestId, 1);
        assertThat(results).isNotEmpty();
        return results.get(0);
    }

    private Map<String, Object> sector(long matchId, String code) {
        List<Map<String, Object>> sectors = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/matches/{id}/availability", matchId)
                .then().statusCode(200).extract().jsonPath().getList("sectors");
        return sectors.stream().filter(s -> code.equals(s.get("sector"))).findFirst().orElseThrow();
    }

    private static AllocationRequested nm(UUID requestId, List<MatchQuota> quotas, String sector, int quantity) {
        return new AllocationRequested(requestId, quotas, List.of(sector), quantity, Algorithm.NM, false, false, null);
    }

    @Test
    void nmRequestHoldsNeighbouringSeatsAndAnswersOnTheResultsTopic() throws Exception {
        long match = matchIds().get(0);
        UUID quota = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        send(nm(requestId, List.of(new MatchQuota(match, quota)), "W3", 4), Long.toString(match));

        AllocationCompleted result = result(requestId);
        assertThat(result.outcome()).isEqualTo(AllocationCompleted.Outcome.ALLOCATED);
        assertThat(result.allocated()).isEqualTo(4);
        assertThat(result.holds()).hasSize(1);
        List<AllocationCompleted.HeldSeat> seats = result.holds().get(0).seats();
        assertThat(seats).extracting(AllocationCompleted.HeldSeat::row).containsOnly(seats.get(0).row());
        List<Integer> numbers = seats.stream().map(s -> Integer.parseInt(s.seat())).sorted().toList();
        assertThat(numbers.get(3) - numbers.get(0)).isEqualTo(3);
        assertThat(sector(match, "W3").get("held")).isEqualTo(4);
    }

    @Test
    void aRedeliveredOrRepeatedRequestHoldsNothingTwiceAndGetsTheSameAnswer() throws Exception {
        long match = matchIds().get(0);
        UUID requestId = UUID.randomUUID();
        AllocationRequested request = nm(requestId, List.of(new MatchQuota(match, UUID.randomUUID())), "E2", 6);
        String message = send(request, Long.toString(match));
        AllocationCompleted first = result(requestId);

        TopicWriter.send(Topics.ALLOCATION_REQUESTS, Long.toString(match), message); // the same event again
        send(request, Long.toString(match)); // the same request in a new event

        List<AllocationCompleted> answers = results(requestId, 2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).holds()).isEqualTo(first.holds());
        assertThat(sector(match, "E2").get("held")).isEqualTo(6);
    }

    @Test
    void aBurstIsAnsweredInOrderWithNoSeatTwiceAndOnlyTheUnreadableMessageGoesToTheDeadLetters() throws Exception {
        long match = matchIds().get(0);
        String key = Long.toString(match);
        List<UUID> requests = new ArrayList<>();
        List<String> burst = new ArrayList<>();
        String garbage = "{\"not\":\"an envelope\"," + UUID.randomUUID() + "}";
        for (int i = 0; i < 20; i++) {
            UUID requestId = UUID.randomUUID();
            requests.add(requestId);
            burst.add(json.writeValueAsString(EventEnvelope.of(nm(requestId,
                    List.of(new MatchQuota(match, UUID.randomUUID())), "W2", 4), key, Instant.now(), json)));
            if (i == 10) {
                burst.add(garbage);
            }
        }
        try (TopicReader deadLetters = new TopicReader("allocation-requests-dlq")) {
            TopicWriter.send(Topics.ALLOCATION_REQUESTS, key, burst);
            assertThat(deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30))).hasSize(1);
        }
        Set<Long> seats = new HashSet<>();
        for (UUID requestId : requests) {
            AllocationCompleted result = result(requestId);
            assertThat(result.outcome()).isEqualTo(AllocationCompleted.Outcome.ALLOCATED);
            result.holds().get(0).seats().forEach(seat -> assertThat(seats.add(seat.seatId()))
                    .as("seat %d given twice", seat.seatId()).isTrue());
        }
        assertThat(seats).hasSize(80);
        assertThat(sector(match, "W2").get("held")).isEqualTo(80);
    }

    @Test
    void aRepeatedEventAndARepeatedRequestInOneBurstHoldOnceAndGetTheSameAnswer() throws Exception {
        long match = matchIds().get(0);
        String key = Long.toString(match);
        AllocationRequested request = nm(UUID.randomUUID(), List.of(new MatchQuota(match, UUID.randomUUID())),
                "W4", 3);
        String message = json.writeValueAsString(EventEnvelope.of(request, key, Instant.now(), json));
        String again = json.writeValueAsString(EventEnvelope.of(request, key, Instant.now(), json));
        TopicWriter.send(Topics.ALLOCATION_REQUESTS, key, List.of(message, message, again));

        List<AllocationCompleted> answers = results(request.requestId(), 2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).holds()).isEqualTo(answers.get(0).holds());
        assertThat(sector(match, "W4").get("held")).isEqualTo(3);
    }

    @Test
    void aGroupGetsTheSameSeatsAtEveryMatchAndOnlySeatsFreeInAll() throws Exception {
        List<Long> matches = matchIds();
        long first = matches.get(0);
        long second = matches.get(1);
        // someone already sits in the best seats of N2 at the second match only
        UUID blocker = UUID.randomUUID();
        send(nm(blocker, List.of(new MatchQuota(second, UUID.randomUUID())), "N2", 10), Long.toString(second));
        List<Long> blocked = result(blocker).holds().get(0).seats().stream()
                .map(AllocationCompleted.HeldSeat::seatId).toList();

        UUID group = UUID.randomUUID();
        UUID firstQuota = UUID.randomUUID();
        UUID secondQuota = UUID.randomUUID();
        send(nm(group, List.of(new MatchQuota(first, firstQuota), new MatchQuota(second, secondQuota)), "N2", 10),
                Long.toString(first));
        AllocationCompleted result = result(group);

        assertThat(result.outcome()).isEqualTo(AllocationCompleted.Outcome.ALLOCATED);
        Map<Long, List<Long>> seatsByMatch = result.holds().stream().collect(Collectors.toMap(
                AllocationCompleted.MatchHolds::matchId,
                h -> h.seats().stream().map(AllocationCompleted.HeldSeat::seatId).toList()));
        assertThat(seatsByMatch.get(first)).hasSize(10).isEqualTo(seatsByMatch.get(second));
        assertThat(seatsByMatch.get(first)).doesNotContainAnyElementsOf(blocked);
        assertThat(result.holds()).extracting(AllocationCompleted.MatchHolds::quotaId)
                .containsExactly(firstQuota, secondQuota);
    }

    @Test
    void aGroupThatCannotBeSeatedAtEveryMatchFailsAndSaysWhichMatchBlocksIt() throws Exception {
        List<Long> matches = matchIds();
        long first = matches.get(0);
        long third = matches.get(2);
        int sectorSize = (Integer) sector(third, "S4").get("free");
        UUID filler = UUID.randomUUID();
        send(new AllocationRequested(filler, List.of(new MatchQuota(third, UUID.randomUUID())), List.of("S4"),
                sectorSize - 5, Algorithm.NM, true, false, null), Long.toString(third));
        assertThat(result(filler).outcome()).isEqualTo(AllocationCompleted.Outcome.ALLOCATED);

        UUID group = UUID.randomUUID();
        send(new AllocationRequested(group, List.of(new MatchQuota(first, UUID.randomUUID()),
                new MatchQuota(third, UUID.randomUUID())), List.of("S4"), 8, Algorithm.NM, true, false, null),
                Long.toString(first));
        AllocationCompleted result = result(group);
        assertThat(result.outcome()).isEqualTo(AllocationCompleted.Outcome.FAILED);
        assertThat(result.freeSeats()).isEqualTo(5);
        assertThat(result.holds()).isEmpty();
        assertThat(result.freeByMatch()).containsExactlyInAnyOrder(
                new AllocationCompleted.MatchFree(first, sectorSize), new AllocationCompleted.MatchFree(third, 5));
        assertThat(sector(first, "S4").get("held")).isEqualTo(0);
    }

    @Test
    void releasedSeatsAreFreeAgain() throws Exception {
        long match = matchIds().get(1);
        UUID quota = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        send(new AllocationRequested(requestId, List.of(new MatchQuota(match, quota)), List.of("E4"), 12,
                Algorithm.REDOM,
                false, false, 42L), Long.toString(match));
        AllocationCompleted result = result(requestId);
        assertThat(result.outcome()).isEqualTo(AllocationCompleted.Outcome.ALLOCATED);
        assertThat(result.seed()).isEqualTo(42L);
        assertThat(sector(match, "E4").get("held")).isEqualTo(12);

        List<Long> someSeats = result.holds().get(0).seats().stream().limit(5)
                .map(AllocationCompleted.HeldSeat::seatId).toList();
        send(new SeatsReleased(match, quota, someSeats, SeatsReleased.Reason.RETRACTED), Long.toString(match));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sector(match, "E4").get("held").equals(7));
        send(new SeatsReleased(match, quota, List.of(), SeatsReleased.Reason.CANCELLED), Long.toString(match));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sector(match, "E4").get("held").equals(0));
    }

    @Test
    void soldSeatsShowAsSoldAndCancellingThemFreesThem() throws Exception {
        long match = matchIds().get(1);
        UUID quota = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        send(new AllocationRequested(requestId, List.of(new MatchQuota(match, quota)), List.of("E3"), 6, Algorithm.NM,
                false, false, null), Long.toString(match));
        List<Long> seats = result(requestId).holds().get(0).seats().stream()
                .map(AllocationCompleted.HeldSeat::seatId).toList();

        send(new SeatsSold(match, quota, seats.subList(0, 2)), Long.toString(match));
        send(new SeatsSold(match, UUID.randomUUID(), seats.subList(2, 4)), Long.toString(match));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sector(match, "E3").get("sold").equals(2));
        assertThat(sector(match, "E3").get("held")).as("another quota's sale changes nothing").isEqualTo(4);

        send(new SeatsReleased(match, quota, List.of(), SeatsReleased.Reason.CANCELLED), Long.toString(match));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sector(match, "E3").get("sold").equals(0) && sector(match, "E3").get("held").equals(0));
    }

    @Test
    void aRequestForAnUnknownMatchOrSectorIsRejectedWithTheReason() throws Exception {
        UUID unknownMatch = UUID.randomUUID();
        send(nm(unknownMatch, List.of(new MatchQuota(999_999, UUID.randomUUID())), "W1", 2), "999999");
        AllocationCompleted noMatch = result(unknownMatch);
        assertThat(noMatch.outcome()).isEqualTo(AllocationCompleted.Outcome.REJECTED);
        assertThat(noMatch.reason()).isEqualTo("unknown match 999999");

        long match = matchIds().get(0);
        UUID unknownSector = UUID.randomUUID();
        send(nm(unknownSector, List.of(new MatchQuota(match, UUID.randomUUID())), "ZZ9", 2), Long.toString(match));
        assertThat(result(unknownSector).reason()).isEqualTo("unknown sector ZZ9");
    }

    @Test
    void theResultContinuesTheRequestsTraceAndTheAllocationIsTimedByAlgorithmAndOutcome() throws Exception {
        long match = matchIds().get(0);
        UUID requestId = UUID.randomUUID();
        double timedBefore = Metrics.scrape(metrics.toString()).sum("suite_allocation_seconds_count",
                "algorithm=\"NM\"");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String senderSpan = traceId.substring(0, 16);
        String message = json.writeValueAsString(EventEnvelope.of(
                nm(requestId, List.of(new MatchQuota(match, UUID.randomUUID())), "NO-SUCH-SECTOR", 1),
                Long.toString(match), Instant.now(), json));
        TopicWriter.send(Topics.ALLOCATION_REQUESTS, Long.toString(match), message,
                Map.of("traceparent", "00-" + traceId + "-" + senderSpan + "-01"));

        try (TopicReader reader = new TopicReader(Topics.ALLOCATION_RESULTS)) {
            ConsumerRecord<String, String> answer = reader.await(r -> r.value().contains(requestId.toString()),
                    Duration.ofSeconds(30)).get(0);
            Header traceparent = answer.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the result carries the trace context").isNotNull();
            String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
            assertThat(parts[1]).as("same trace as the request").isEqualTo(traceId);
            assertThat(parts[2]).as("a span of this service (the outbox's send) is the parent").isNotEqualTo(senderSpan);
            assertThat(parts[3]).as("still sampled").isEqualTo("01");
        }
        assertThat(Metrics.scrape(metrics.toString()).sum("suite_allocation_seconds_count", "algorithm=\"NM\""))
                .isEqualTo(timedBefore + 1);
    }

    /** Records written to the channel's dead-letter topic, as an operator's alert reads them. */
    private double deadLetters(String channel) {
        return Metrics.scrape(metrics.toString()).sum("suite_dead_letters_total", "channel=\"" + channel + "\"");
    }

    @Test
    void anUnreadableRequestGoesToTheDeadLetterTopicAndIsCountedThere() {
        String garbage = "{\"not\":\"an envelope\"," + UUID.randomUUID() + "}";
        double countedBefore = deadLetters(Topics.ALLOCATION_REQUESTS);
        try (TopicReader deadLetters = new TopicReader("allocation-requests-dlq")) {
            TopicWriter.send(Topics.ALLOCATION_REQUESTS, "1", garbage);
            assertThat(deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30))).hasSize(1);
        }
        assertThat(deadLetters(Topics.ALLOCATION_REQUESTS)).as("dead letters counted on allocation-requests")
                .isEqualTo(countedBefore + 1);
    }

    @Test
    void anAlgorithmOrReleaseReasonThisVersionDoesNotKnowGoesToTheDeadLettersAndTheNextMessageIsHandled()
            throws Exception {
        long match = matchIds().get(0);
        String key = Long.toString(match);
        UUID quota = UUID.randomUUID();
        Object heldBefore = sector(match, "N1").get("held");
        try (TopicReader requestDeadLetters = new TopicReader("allocation-requests-dlq");
                TopicReader releaseDeadLetters = new TopicReader("seat-releases-dlq")) {
            String rows = sendChanged(nm(UUID.randomUUID(), List.of(new MatchQuota(match, quota)), "N1", 2), key,
                    "\"NM\"", "\"ROWS\"");
            assertThat(requestDeadLetters.await(r -> rows.equals(r.value()), Duration.ofSeconds(30))).hasSize(1);
            UUID next = UUID.randomUUID();
            send(nm(next, List.of(new MatchQuota(match, quota)), "N1", 2), key);
            assertThat(result(next).outcome()).isEqualTo(AllocationCompleted.Outcome.ALLOCATED);
            assertThat(sector(match, "N1").get("held")).as("the refused request held nothing")
                    .isEqualTo((Integer) heldBefore + 2);

            double countedBefore = deadLetters(Topics.SEAT_RELEASES);
            String lost = sendChanged(new SeatsReleased(match, quota, List.of(), SeatsReleased.Reason.CANCELLED), key,
                    "\"CANCELLED\"", "\"LOST\"");
            assertThat(releaseDeadLetters.await(r -> lost.equals(r.value()), Duration.ofSeconds(30))).hasSize(1);
            assertThat(deadLetters(Topics.SEAT_RELEASES)).as("dead letters counted on seat-releases")
                    .isEqualTo(countedBefore + 1);
            send(new SeatsReleased(match, quota, List.of(), SeatsReleased.Reason.CANCELLED), key);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> sector(match, "N1").get("held").equals(heldBefore));
        }
    }

    @Test
    void seatMapShowsEachSeatWithItsState() throws Exception {
        long match = matchIds().get(2);
        UUID requestId = UUID.randomUUID();
        send(nm(requestId, List.of(new MatchQuota(match, UUID.randomUUID())), "VIP-WEST", 2), Long.toString(match));
        List<Long> held = result(requestId).holds().get(0).seats().stream()
                .map(AllocationCompleted.HeldSeat::seatId).toList();

        List<Map<String, Object>> seats = given().auth().oauth2(Tokens.of(Tokens.MANAGER))
                .get("/api/matches/{id}/sectors/VIP-WEST/seats", match)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(seats).hasSize(480);
        assertThat(seats.stream().filter(s -> "HELD".equals(s.get("state")))
                .map(s -> ((Number) s.get("id")).longValue()).toList()).containsExactlyInAnyOrderElementsOf(held);
    }

    @Test
    void availabilityIsForAdminsOnlyAndUnknownMatchesAreNotFound() {
        long match = matchIds().get(0);
        given().get("/api/matches/{id}/availability", match).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/matches/{id}/availability", match)
                .then().statusCode(403);
        given().get("/api/matches/{id}/sectors/W1/seats", match).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/matches/{id}/sectors/W1/seats", match)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches/{id}/availability", match)
                .then().statusCode(200).body("seats", equalTo(59_210));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches/424242/availability").then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches/{id}/sectors/NOPE/seats", match)
                .then().statusCode(404);
    }
}
