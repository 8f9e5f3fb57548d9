package com.stadium.quota.quotaservice.race;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.AtOnce;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.race.RaceProtection.Layers;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * The concurrency proof (issue 17, item 1): N = 256 requests at the same moment on the k = 40 tickets of one quota,
 * through the HTTP API (request i wants ticket i mod k): claims, subquotas, and claims racing subquotas. Exactly k
 * win, every other answer is 409 with the quota as it is now, no ticket is promised twice, and the tables agree.
 * The control runs turn the protection off (RaceProtection) and show that the same checks then find doubles.
 */
@QuarkusTest
class RaceProofTest {

    static final int N = 256;
    static final int K = 40;
    // the control runs need no crowd to go wrong: 64 requests on 4 tickets, to spend less CI time
    static final int CONTROL_N = 64;
    static final int CONTROL_K = 4;

    /** What a request asks for. */
    enum Kind {
        CLAIM, SUBQUOTA
    }

    /** One request and its answer. */
    record Answer(Kind kind, UUID wanted, int status, JsonNode body) {
    }

    // one holder for every race: each race has a quota of its own
    static final String EMAIL = HeldQuotas.uniqueEmail("racer");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @Inject
    Ledger ledger;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    @AfterEach
    void protectionBackOn() {
        switchProtection(Layers.ALL_ON);
    }

    @Test
    void claimsOnKTicketsHaveExactlyKWinners() throws Exception {
        assertProven(race(N, K, i -> Kind.CLAIM));
    }

    @Test
    void subquotasOnKTicketsHaveExactlyKWinners() throws Exception {
        assertProven(race(N, K, i -> Kind.SUBQUOTA));
    }

    @Test
    void claimsRacingSubquotasOnTheSameTicketsHaveExactlyKWinners() throws Exception {
        assertProven(race(N, K, i -> i % 2 == 0 ? Kind.CLAIM : Kind.SUBQUOTA));
    }

    @Test
    void withoutTheProtectionTheSameChecksFindDoubles() throws Exception {
        switchProtection(new Layers(false, false, false));
        Race race = race(CONTROL_N, CONTROL_K, i -> i % 2 == 0 ? Kind.CLAIM : Kind.SUBQUOTA);
        // a race without protection goes wrong only when two requests overlap: up to three tries on a busy machine
        for (int again = 0; again < 2 && race.promisedTwice() == 0; again++) {
            race = race(CONTROL_N, CONTROL_K, i -> i % 2 == 0 ? Kind.CLAIM : Kind.SUBQUOTA);
        }

        assertThat(race.promisedTwice()).as("tickets in two winning answers, without protection: %s", race)
                .isPositive();
        assertThat(race.count().doubles()).as("the tables show winners without their ticket: %s", race).isPositive();
        assertThat(race.winners()).as("more than k winners: %s", race).isGreaterThan(CONTROL_K);
    }

    /**
     * Without the turn and the row lock, the rows' version checks still refuse the second write of a ticket, so no
     * ticket is promised twice; what they do not give is the answer: such a loser learns it from a failed commit
     * (500; 3 of 256 in a mixed race on 40 tickets), not as a 409 with the quota's state.
     */
    @Test
    void theVersionChecksAloneStillKeepEveryTicketOnce() throws Exception {
        switchProtection(new Layers(false, false, true));
        Race race = race(CONTROL_N, CONTROL_K, i -> i % 2 == 0 ? Kind.CLAIM : Kind.SUBQUOTA);

        assertThat(race.promisedTwice()).as("tickets in two winning answers: %s", race).isZero();
        assertThat(race.count()).as("the tables: %s", race).extracting(Ledger.Count::doubles, Ledger.Count::overfull,
                Ledger.Count::tickets).containsExactly(0, 0, CONTROL_K);
        assertThat(race.winners()).as("%s", race).isLessThanOrEqualTo(CONTROL_K);
    }

    @Test
    void theSwitchNamesAMissingLayer() {
        given().auth().oauth2(Tokens.of(Tokens.MANAGER)).contentType(ContentType.JSON)
                .body("{\"turns\":false,\"rowLock\":false}").put("/api/admin/race-protection").then()
                .statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("versionCheck"));
        given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/admin/race-protection").then().statusCode(200)
                .body("switchable", org.hamcrest.Matchers.is(true))
                .body("layers.rowLock", org.hamcrest.Matchers.is(true));
    }

    // ---- the race and its checks

    /** What a race gave: the answers, and the tables' count afterwards. */
    record Race(List<Answer> answers, Ledger.Count count) {

        int winners() {
            return (int) answers.stream().filter(a -> a.status() == 201).count();
        }

        /** Tickets that two or more winning answers hand out. */
        long promisedTwice() {
            Map<String, Integer> promised = new HashMap<>();
            answers.stream().filter(a -> a.status() == 201)
                    .forEach(a -> a.body().path("tickets").forEach(t -> promised.merge(t.path("id").asText(), 1,
                            Integer::sum)));
            return promised.values().stream().filter(n -> n > 1).count();
        }

        @Override
        public String toString() {
            return "answers " + answers.stream().collect(Collectors.groupingBy(a -> a.kind() + " " + a.status(),
                    Collectors.counting())) + ", " + promisedTwice() + " tickets promised twice, tables " + count;
        }
    }

    /** n requests at once on a fresh quota of k tickets, request i asking for ticket i mod k. */
    private Race race(int n, int k, IntFunction<Kind> kindOf) throws Exception {
        UUID quota = HeldQuotas.allocated(EMAIL, k, 50, true, false, json);
        List<UUID> tickets = data.tickets(quota).stream().map(t -> t.id).toList();
        assertThat(tickets).hasSize(k);
        String token = Tokens.holder(EMAIL);

        List<Callable<Answer>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Kind kind = kindOf.apply(i);
            UUID wanted = tickets.get(i % k);
            String friend = "friend" + i + "@friends.example";
            String path = kind == Kind.CLAIM ? "claims" : "subquotas";
            String body = json.writeValueAsString(kind == Kind.CLAIM ? Map.of("ticketIds", List.of(wanted))
                    : Map.of("recipientEmail", friend, "recipientName", "Friend", "ticketIds", List.of(wanted)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                    + "/api/holder/quotas/" + quota + "/" + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            // the JDK's client and Jackson: lighter per call than RestAssured, 256 calls at once in CI
            requests.add(() -> {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(kind, wanted, response.statusCode(), json.readTree(response.body()));
            });
        }
        List<Answer> answers = AtOnce.run(requests);
        return new Race(answers, ledger.of(quota));
    }

    private static void assertProven(Race race) {
        assertThat(race.answers()).as("%s", race).extracting(Answer::status).containsOnly(201, 409);
        assertThat(race.winners()).as("%s", race).isEqualTo(K);
        assertThat(race.promisedTwice()).as("%s", race).isZero();
        for (Answer loser : race.answers().stream().filter(a -> a.status() == 409).toList()) {
            // the state it lost to: its ticket is no longer free (claimed, or passed on and gone from the quota)
            JsonNode current = loser.body().path("current");
            assertThat(current.path("quota").path("id").isTextual()).as("a 409 carries the quota as it is now: %s",
                    current).isTrue();
            for (JsonNode card : current.path("tickets")) {
                if (card.path("id").asText().equals(loser.wanted().toString())) {
                    assertThat(card.path("status").asText()).as("the wanted ticket in a 409").isNotEqualTo("ALLOCATED");
                }
            }
            assertThat(current.path("quota").path("ticketCounts").path("ALLOCATED").asInt(0))
                    .as("free tickets in a 409").isLessThan(K);
        }
        assertThat(race.count()).as("the tables: k made, each holding its one ticket, none lost")
                .isEqualTo(new Ledger.Count(K, 0, 0, K, K));
    }

    private static void switchProtection(Layers layers) {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(layers)
                .put("/api/admin/race-protection").then().statusCode(200);
    }
}
