package com.stadium.quota.allocation.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.AllocationRequested.MatchQuota;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TopicWriter;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What a reader of match-catalog sees on the test stack's real Kafka: every match at start, a match again after its
 * seats change (a few times for a burst), and every match on an admin's request. Each test works in its own sector
 * of the demo venue. A new match's announcement is checked with the other loading tests (VenueAndMatchLoadingTest).
 */
@QuarkusTest
class MatchAnnouncementTest {

    /** This JVM's start: announcements since then are this run's, not those of earlier runs left on the topic. */
    private static final Instant BOOT = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    @Inject
    ObjectMapper json;

    private static List<Map<String, Object>> matches() {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static long matchId(int index) {
        return ((Number) matches().get(index).get("id")).longValue();
    }

    private static int free(long matchId, String code) {
        List<Map<String, Object>> sectors = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/matches/{id}/availability", matchId)
                .then().statusCode(200).extract().jsonPath().getList("sectors");
        return sectors.stream().filter(s -> code.equals(s.get("sector"))).findFirst()
                .map(s -> (Integer) s.get("free")).orElseThrow();
    }

    private static MatchAnnounced.SectorSeats seats(MatchAnnounced match, String sector) {
        return match.sectors().stream().filter(s -> s.sector().equals(sector)).findFirst().orElseThrow();
    }

    private String envelope(SuiteEvent event, long matchId) throws Exception {
        return json.writeValueAsString(EventEnvelope.of(event, Long.toString(matchId), Instant.now(), json));
    }

    private static AllocationRequested request(long matchId, UUID quota, String sector, int quantity) {
        return new AllocationRequested(UUID.randomUUID(), List.of(new MatchQuota(matchId, quota)), List.of(sector),
                quantity, AllocationRequested.Algorithm.NM, false, false, null);
    }

    @Test
    void everyMatchIsAnnouncedAtStartWithItsSectorsAndFreeSeats() {
        List<Map<String, Object>> matches = matches();
        Map<Long, MatchAnnounced> announced = Announcements.first(json, matches.stream()
                .map(m -> ((Number) m.get("id")).longValue()).collect(Collectors.toSet()), BOOT);
        for (Map<String, Object> match : matches) {
            MatchAnnounced seen = announced.get(((Number) match.get("id")).longValue());
            assertThat(seen.code()).isEqualTo(match.get("code"));
            assertThat(seen.name()).isEqualTo(match.get("name"));
            assertThat(seen.kickoff()).isEqualTo(Instant.parse((String) match.get("kickoff")));
            assertThat(seen.venueCode()).isEqualTo(match.get("venueCode"));
            assertThat(seen.state()).isEqualTo(MatchAnnounced.MatchState.SCHEDULED);
        }
        MatchAnnounced arena = announced.get(matchId(0));
        assertThat(arena.sectors()).hasSize(41);
        assertThat(arena.sectors().stream().mapToInt(MatchAnnounced.SectorSeats::seats).sum()).isEqualTo(59_210);
        assertThat(seats(arena, "VIP-WEST").category()).isEqualTo("VIP");
        assertThat(seats(arena, "W1").accessibleFree()).as("wheelchair places of W1").isPositive();
    }

    @Test
    void seatsHeldAndReleasedAreAnnouncedWithTheNewFreeCounts() throws Exception {
        long match = matchId(2);
        int freeBefore = free(match, "NU4");
        UUID quota = UUID.randomUUID();
        Instant held = Instant.now();
        TopicWriter.send(Topics.ALLOCATION_REQUESTS, Long.toString(match),
                envelope(request(match, quota, "NU4", 5), match));
        Announcements.of(json, match, held, m -> seats(m, "NU4").free() == freeBefore - 5);

        Instant released = Instant.now();
        TopicWriter.send(Topics.SEAT_RELEASES, Long.toString(match),
                envelope(new SeatsReleased(match, quota, List.of(), SeatsReleased.Reason.CANCELLED), match));
        Announcements.of(json, match, released, m -> seats(m, "NU4").free() == freeBefore);
    }

    @Test
    void aBurstOfAllocationsAtAMatchIsAnnouncedOnlyAFewTimes() throws Exception {
        long match = matchId(1);
        int freeBefore = free(match, "NU3");
        Instant start = Instant.now();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(envelope(request(match, UUID.randomUUID(), "NU3", 1), match));
        }
        TopicWriter.send(Topics.ALLOCATION_REQUESTS, Long.toString(match), burst);

        List<MatchAnnounced> seen = Announcements.of(json, match, start,
                m -> seats(m, "NU3").free() == freeBefore - 20);
        // at most one announcement a second per match, however many changes: 20 allocations make far fewer
        assertThat(seen).hasSizeLessThan(10);
        assertThat(seen.stream().map(MatchAnnounced::revision).toList()).isSorted();
    }

    @Test
    void onlyAnAdminMayHaveEveryMatchAnnouncedAgain() {
        given().post("/api/matches/announcement").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).post("/api/matches/announcement").then().statusCode(403);
        Instant start = Instant.now();
        int count = given().auth().oauth2(Tokens.of(Tokens.MANAGER)).post("/api/matches/announcement")
                .then().statusCode(202).extract().path("matches");

        Set<Long> ids = matches().stream().map(m -> ((Number) m.get("id")).longValue()).collect(Collectors.toSet());
        assertThat(count).isEqualTo(ids.size());
        Announcements.first(json, ids, start);
    }
}
