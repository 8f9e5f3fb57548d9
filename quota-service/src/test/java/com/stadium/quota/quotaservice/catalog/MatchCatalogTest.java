package com.stadium.quota.quotaservice.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.messaging.contract.MatchAnnounced.MatchState;
import com.stadium.quota.messaging.contract.MatchAnnounced.SectorSeats;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TopicWriter;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * New quotas and imports are checked against the matches allocation-service announced on match-catalog (written
 * here to the test stack's real topic, as allocation-service would). allocation-service does not run in these
 * tests and quota-service's address for it leads nowhere: an answer other than 503 shows nothing asked it.
 */
@QuarkusTest
class MatchCatalogTest {

    @Inject
    ObjectMapper json;

    @Inject
    MatchCatalogModel model;

    /** A match id no other test and no earlier run uses. */
    private static long newMatchId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static MatchAnnounced match(long id, String name, long revision, int w1Free) {
        return new MatchAnnounced(id, "CAT-" + id, name, Instant.now().plus(10, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS), "ARENA", MatchState.SCHEDULED, revision, List.of(
                        new SectorSeats("W1", "CAT1", 100, w1Free, 100 - w1Free, 0, 0),
                        new SectorSeats("W2", "CAT1", 60, 60, 0, 0, 2)));
    }

    private void announce(MatchAnnounced match) throws Exception {
        String key = Long.toString(match.matchId());
        TopicWriter.send(Topics.MATCH_CATALOG, key,
                json.writeValueAsString(EventEnvelope.of(match, key, Instant.now(), json)));
    }

    private static void awaitKnown(long matchId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> given().auth()
                .oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/matches").then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class).contains(matchId));
    }

    private static io.restassured.response.ValidatableResponse create(long matchId, String sector, int quantity) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body("""
                {"holderEmail":"catalog@sponsor.example","holderName":"Cat Alog","matchIds":[%d],"sectors":["%s"],
                 "quantity":%d,"algorithm":"NM"}""".formatted(matchId, sector, quantity))
                .post("/api/admin/quotas").then();
    }

    @Test
    void aQuotaIsCheckedAgainstTheAnnouncedMatchesAndAllocationServiceIsNotAsked() throws Exception {
        long id = newMatchId();
        create(id, "W1", 2).statusCode(400).body("violations[0].field", equalTo("matchIds"))
                .body("violations[0].message", equalTo("unknown match " + id));

        announce(match(id, "FC Example vs Catalog City", 1, 40));
        awaitKnown(id);

        create(id, "ZZ", 2).statusCode(400).body("violations[0].field", equalTo("sectors"))
                .body("violations[0].message", equalTo("unknown sector ZZ at ARENA"));
        create(id, "W1", 101).statusCode(400).body("violations[0].field", equalTo("quantity"))
                .body("violations[0].message", equalTo("is above the 100 seats the sectors hold"));
        create(id, "W1", 2).statusCode(201).body("quotas[0].matchName", equalTo("FC Example vs Catalog City"))
                .body("quotas[0].state", equalTo("PENDING_ALLOCATION"));
    }

    @Test
    void anImportIsCheckedAgainstTheAnnouncedFreeSeats() throws Exception {
        long id = newMatchId();
        announce(match(id, "FC Example vs Import Town", 1, 3));
        awaitKnown(id);
        String header = "holder_email,holder_name,matches,sectors,quantity,algorithm\n";

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv")
                .body(header + "four@sponsor.example,Four Seats," + id + ",W1,4,NM\n")
                .post("/api/admin/imports").then().statusCode(201).body("status", equalTo("INVALID"))
                .body("violations[0].message", equalTo("match " + id
                        + " (FC Example vs Import Town) has only 3 free seats in W1"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv")
                .body(header + "three@sponsor.example,Three Seats," + id + ",W1,3,NM\n")
                .post("/api/admin/imports").then().statusCode(201).body("status", equalTo("VALIDATED"))
                .body("preview[0].matchNames[0]", equalTo("FC Example vs Import Town"));
    }

    @Test
    void onlyANewerAnnouncementChangesTheModelSoRepeatsAndLateOnesChangeNothing() {
        long id = newMatchId();
        Instant at = Instant.now();
        assertThat(keep(match(id, "First", 5, 10), at)).isTrue();
        assertThat(keep(match(id, "Late", 4, 99), at)).as("an older revision").isFalse();
        assertThat(keep(match(id, "First", 5, 10), at)).as("the same again").isFalse();
        assertThat(freeInW1(id)).isEqualTo(10);

        assertThat(keep(match(id, "Second", 6, 7), at)).isTrue();
        assertThat(freeInW1(id)).isEqualTo(7);
        assertThat(QuarkusTransaction.requiringNew().call(() -> model.find(List.of(id)).get(0).name))
                .isEqualTo("Second");
    }

    private boolean keep(MatchAnnounced match, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> model.keepNewest(match, at));
    }

    private int freeInW1(long id) {
        List<Map<String, Object>> matches = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/matches")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return matches.stream().filter(m -> ((Number) m.get("id")).longValue() == id).findFirst()
                .map(m -> ((List<?>) m.get("sectors")).get(0)).map(s -> (Integer) ((Map<?, ?>) s).get("free"))
                .orElseThrow();
    }

    @Test
    void aMessageThatIsNoAnnouncementGoesToTheDeadLetterTopic() {
        String garbage = "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"match.announced\",\"version\":1,"
                + "\"time\":\"2026-11-29T12:00:00Z\",\"aggregateId\":\"1\",\"payload\":{\"matchId\":1}}";
        try (com.stadium.quota.testing.TopicReader deadLetters = new com.stadium.quota.testing.TopicReader(
                "match-catalog-dlq")) {
            TopicWriter.send(Topics.MATCH_CATALOG, "1", garbage);
            assertThat(deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30))).hasSize(1);
        }
    }
}
