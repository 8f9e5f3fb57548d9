package com.stadium.quota.allocation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Allocator;
import com.stadium.quota.allocation.algorithm.Rule;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.allocation.venue.Venue;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Seat-quality reports on the real test stack: written with each allocation, read and replayed over REST, and a
 * thousand NM and REDOM allocations stored through the real persistence and replayed identically. Requests over
 * Kafka use sector SU2, which no other test of this module uses; the thousand stored ones hold no seat.
 */
@QuarkusTest
class AllocationReportTest {

    @Inject
    ObjectMapper json;

    @Inject
    AllocationReports reports;

    @Inject
    Inventory inventory;

    private UUID allocateOverKafka(int quantity) throws Exception {
        long match = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class).get(0);
        UUID requestId = UUID.randomUUID();
        AllocationRequested request = new AllocationRequested(requestId,
                List.of(new AllocationRequested.MatchQuota(match, UUID.randomUUID())), List.of("SU2"), quantity,
                AllocationRequested.Algorithm.NM, false, false, null);
        TopicWriter.send(Topics.ALLOCATION_REQUESTS, Long.toString(match),
                json.writeValueAsString(EventEnvelope.of(request, Long.toString(match), Instant.now(), json)));
        try (TopicReader reader = new TopicReader(Topics.ALLOCATION_RESULTS)) {
            AllocationCompleted result = EventEnvelope.parse(reader.awaitCount(
                    r -> r.value().contains(requestId.toString()), 1, Duration.ofSeconds(30)).get(0).value(), json)
                    .payloadAs(AllocationCompleted.class, json);
            assertThat(result.seatQuality()).as("the result carries the report's summary")
                    .isEqualTo(new AllocationCompleted.SeatQuality("1", true, 1, 1, 1, 0,
                            result.seatQuality().meanQuality()));
        }
        return requestId;
    }

    @Test
    void anAllocationOverKafkaIsReportedAndItsReplayIsIdentical() throws Exception {
        UUID requestId = allocateOverKafka(4);

        var report = given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/allocations/{id}", requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("outcome")).isEqualTo("ALLOCATED");
        assertThat(report.getString("quality.rule")).isEqualTo("ONE_BLOCK_NO_ORPHAN");
        assertThat(report.getString("quality.ruleLabel")).isEqualTo("1");
        assertThat(report.getBoolean("quality.together")).isTrue();
        assertThat(report.getInt("quality.orphansCreated")).isZero();
        assertThat(report.getDouble("quality.meanQuality")).isBetween(1.0, 100.0);
        assertThat(report.getList("seats.sector", String.class)).containsOnly("SU2").hasSize(4);
        assertThat(report.getString("inputs.takenBySector.SU2")).isNotNull();
        assertThat(report.getLong("inputs.seed")).isNotNull();

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/allocations/{id}/replay", requestId)
                .then().statusCode(200).body("identical", equalTo(true))
                .body("seatIds", equalTo(report.getList("seats.seatId")));
    }

    @Test
    void onlyManagersAndServicesReadReportsAndOnlyManagersReplay() throws Exception {
        UUID requestId = allocateOverKafka(2);
        for (String user : List.of(Tokens.ADMIN, Tokens.MANAGER)) {
            given().auth().oauth2(Tokens.of(user)).get("/api/allocations/{id}", requestId).then().statusCode(200);
            given().auth().oauth2(Tokens.of(user)).post("/api/allocations/{id}/replay", requestId)
                    .then().statusCode(200);
        }
        String service = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "quota-service").formParam("client_secret", "quota-service-local-secret")
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(service).get("/api/allocations/{id}", requestId).then().statusCode(200);
        given().auth().oauth2(service).post("/api/allocations/{id}/replay", requestId).then().statusCode(403);
        for (String user : List.of(Tokens.HOLDER, Tokens.GATE)) {
            given().auth().oauth2(Tokens.of(user)).get("/api/allocations/{id}", requestId).then().statusCode(403);
            given().auth().oauth2(Tokens.of(user)).post("/api/allocations/{id}/replay", requestId)
                    .then().statusCode(403);
        }
        given().get("/api/allocations/{id}", requestId).then().statusCode(401);
        given().post("/api/allocations/{id}/replay", requestId).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/allocations/{id}", UUID.randomUUID())
                .then().statusCode(404).body("violations[0].field", equalTo("requestId"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/allocations/{id}/replay", UUID.randomUUID())
                .then().statusCode(404);
    }

    /** NM three times in four, REDOM otherwise; groups of 1 to 10 in 1 to 4 neighbouring sectors of one stand. */
    private static SeatRequest request(SplittableRandom random) {
        List<String> stand = List.of("NU1", "NU2", "NU3", "NU4");
        int count = 1 + random.nextInt(4);
        int first = random.nextInt(stand.size() - count + 1);
        Algorithm algorithm = random.nextInt(4) == 0 ? Algorithm.REDOM : Algorithm.NM;
        return new SeatRequest(algorithm, stand.subList(first, first + count), 1 + random.nextInt(10),
                random.nextInt(10) == 0, true, random.nextLong());
    }

    @Test
    void aThousandStoredAllocationsReplayIdentically() {
        long venueId = QuarkusTransaction.requiringNew().call(() -> Venue.findByCode("ARENA").id);
        SeatingPlan plan = inventory.plan(venueId);
        SplittableRandom random = new SplittableRandom(16);
        BitSet occupied = new BitSet(plan.size());
        List<UUID> ids = new ArrayList<>();
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 1_000; i++) {
                SeatRequest request = request(random);
                Allocation allocation = Allocator.allocate(plan, occupied, request);
                UUID id = UUID.randomUUID();
                reports.record(reports.draft(id, venueId, List.of(1L), request, plan, occupied, allocation));
                allocation.seats().forEach(occupied::set);
                if (allocation.rule() != null) {
                    rules.add(allocation.rule());
                }
                ids.add(id);
            }
        });
        List<String> different = QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> reports.replay(id).orElseThrow())
                .filter(replay -> !replay.identical())
                .map(replay -> replay.requestId() + " " + replay.differences()).toList());
        System.out.printf("1,000 allocations stored and replayed in %d ms, rules %s, %d seats taken%n",
                (System.nanoTime() - started) / 1_000_000, rules, occupied.cardinality());

        assertThat(different).isEmpty();
        assertThat(rules).as("the stand fills up enough for NM to need more than its first rule")
                .contains(Rule.ONE_BLOCK_NO_ORPHAN, Rule.RANDOM).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aReplayOnChangedInputsSaysWhatDiffers() {
        long venueId = QuarkusTransaction.requiringNew().call(() -> Venue.findByCode("ARENA").id);
        SeatingPlan plan = inventory.plan(venueId);
        SeatRequest request = new SeatRequest(Algorithm.NM, List.of("NU1"), 6, false, false, 0);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> reports.record(reports.draft(id, venueId, List.of(1L), request,
                plan, new BitSet(), Allocator.allocate(plan, new BitSet(), request))));
        List<Long> seats = reports.find(id).orElseThrow().seats().stream().map(AllocationReports.Seat::seatId)
                .toList();

        // the stored inputs now say the first chosen seat was taken: the algorithm must choose otherwise
        QuarkusTransaction.requiringNew().run(() -> {
            AllocationReportRecord record = AllocationReportRecord.findById(id);
            BitSet taken = new BitSet();
            taken.set(plan.indexOf(seats.get(0)));
            try {
                record.inputs = json.writeValueAsString(ReplayInputs.of(venueId, List.of(1L), request, plan, taken));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        var replay = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/allocations/{id}/replay", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(replay.getBoolean("identical")).isFalse();
        assertThat(replay.getList("differences", String.class)).anyMatch(d -> d.startsWith("seats: stored "));
    }
}
