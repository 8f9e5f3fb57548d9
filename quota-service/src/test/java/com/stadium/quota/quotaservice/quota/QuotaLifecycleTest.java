package com.stadium.quota.quotaservice.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.Allocations;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Create → allocation request on the real broker → result on the real broker → tickets and state. */
@QuarkusTest
class QuotaLifecycleTest {

    @Inject
    ObjectMapper json;

    // the service counts days in the club's zone; the test JVM's own date differs from it around midnight
    static LocalDate clubToday() {
        return LocalDate.now(ConfigProvider.getConfig().getValue("suite.club.time-zone", ZoneId.class));
    }

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    static String body(String email, String matchIds, int quantity) {
        return """
                {"holderEmail":"%s","holderName":"Ada Sponsor","matchIds":%s,"sectors":["W2","W1"],
                 "quantity":%d,"discountPercent":20,"algorithm":"NM","expiresOn":"%s","delegate":true}
                """.formatted(email, matchIds, quantity, clubToday().plusDays(30));
    }

    static String uniqueEmail() {
        return "holder-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
    }

    static JsonPath create(String body) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/admin/quotas").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath detail(UUID id) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    static UUID firstQuota(JsonPath created) {
        return UUID.fromString(created.getString("quotas[0].id"));
    }

    @Test
    void anOutcomeThisVersionDoesNotKnowGoesToTheDeadLettersAndTheNextResultIsApplied() throws Exception {
        UUID id = firstQuota(create(body(uniqueEmail(), "[1]", 2)));
        AllocationRequested request = Allocations.requestFor(id, json);
        String key = request.requestId().toString();
        AllocationCompleted failed = new AllocationCompleted(request.requestId(), AllocationCompleted.Outcome.FAILED,
                2, 0, 1, "only 1 free", request.algorithm(), 1L, List.of(), List.of());
        String waitlisted = json.writeValueAsString(EventEnvelope.of(failed, key, Instant.now(), json))
                .replace("\"FAILED\"", "\"WAITLISTED\"");
        try (TopicReader deadLetters = new TopicReader("allocation-results-dlq")) {
            TopicWriter.send(Topics.ALLOCATION_RESULTS, key, waitlisted);
            assertThat(deadLetters.await(r -> waitlisted.equals(r.value()), Duration.ofSeconds(30))).hasSize(1);
        }
        assertThat(detail(id).getString("quota.state")).isEqualTo("PENDING_ALLOCATION");

        Allocations.answer(request, "ALLOCATED", 2, 100, List.of(), json);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ALLOCATED".equals(detail(id).getString("quota.state")));
    }

    @Test
    void aNewQuotaAsksForSeatsAndBecomesAllocatedWithItsTickets() {
        String email = uniqueEmail();
        JsonPath created = create(body(email.toUpperCase(), "[1]", 4));
        UUID id = firstQuota(created);
        assertThat(created.getString("quotas[0].state")).isEqualTo("PENDING_ALLOCATION");
        assertThat(created.getString("quotas[0].holderEmail")).isEqualTo(email);

        AllocationRequested request = Allocations.requestFor(id, json);
        assertThat(request.quotas()).containsExactly(new AllocationRequested.MatchQuota(1, id));
        assertThat(request.sectors()).containsExactly("W2", "W1");
        assertThat(request.quantity()).isEqualTo(4);
        assertThat(request.algorithm()).isEqualTo(AllocationRequested.Algorithm.NM);
        assertThat(request.allowPartial()).isFalse();

        Allocations.answer(request, "ALLOCATED", 4, 50, List.of(), json);
        await().atMost(Duration.ofSeconds(20)).until(() -> detail(id).getString("quota.state").equals("ALLOCATED"));
        JsonPath detail = detail(id);
        assertThat(detail.getInt("quota.ticketCounts.ALLOCATED")).isEqualTo(4);
        assertThat(detail.getList("tickets")).hasSize(4);
        assertThat(detail.getList("tickets.priceCents", Integer.class)).containsOnly(4800);
        assertThat(detail.getList("tickets.fullPriceCents", Integer.class)).containsOnly(6000);
        assertThat(detail.getLong("seed")).isEqualTo(4242L);
        assertThat(detail.getList("audit.action", String.class)).containsExactly("CREATED", "ALLOCATED", "INVITED");
        assertThat(detail.getString("audit[0].actor")).isEqualTo("admin");

        try (TopicReader events = new TopicReader(Topics.QUOTA_EVENTS)) {
            List<String> changes = events.awaitCount(r -> r.key().equals(id.toString()), 2, Duration.ofSeconds(20))
                    .stream().map(r -> read(r.value()).path("payload").path("change").asText()).toList();
            assertThat(changes).containsExactly("CREATED", "ALLOCATED");
        }
    }

    @Test
    void severalMatchesMakeAGroupWithOneRequestForTheSameSeatsEverywhere() {
        JsonPath created = create(body(uniqueEmail(), "[1, 2]", 3));
        List<String> groupIds = created.getList("quotas.groupId");
        assertThat(groupIds).hasSize(2).doesNotContainNull().containsOnly(created.getString("groupId"));
        UUID first = firstQuota(created);
        UUID second = UUID.fromString(created.getString("quotas[1].id"));

        AllocationRequested request = Allocations.requestFor(first, json);
        assertThat(request.quotas()).containsExactly(new AllocationRequested.MatchQuota(1, first),
                new AllocationRequested.MatchQuota(2, second));
        Allocations.answer(request, "ALLOCATED", 3, 50, List.of(), json);
        await().atMost(Duration.ofSeconds(20)).until(() -> detail(second).getString("quota.state").equals("ALLOCATED"));
        assertThat(detail(first).getList("tickets.seat")).isEqualTo(detail(second).getList("tickets.seat"));
    }

    @Test
    void aFailedAllocationSaysHowManySeatsWereFreeAndWhichMatchBlocks() {
        JsonPath created = create(body(uniqueEmail(), "[1, 2]", 4));
        UUID first = firstQuota(created);
        AllocationRequested request = Allocations.requestFor(first, json);
        Allocations.answer(request, "FAILED", 0, 3, List.of(new AllocationCompleted.MatchFree(1, 40),
                new AllocationCompleted.MatchFree(2, 3)), json);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> detail(first).getString("quota.state").equals("ALLOCATION_FAILED"));
        JsonPath detail = detail(first);
        assertThat(detail.getInt("freeSeats")).isEqualTo(3);
        assertThat(detail.getString("failureReason")).isEqualTo(
                "only 3 of 4 seats are free in the chosen sectors (match 2 has 3 free)");
        assertThat(detail.getList("tickets")).isEmpty();
    }

    @Test
    void aPartialAllocationKeepsTheUnfulfilledNumber() {
        UUID id = firstQuota(create(body(uniqueEmail(), "[1]", 5).replace("\"delegate\"", "\"allowPartial\":true,\"delegate\"")));
        AllocationRequested request = Allocations.requestFor(id, json);
        assertThat(request.allowPartial()).isTrue();
        Allocations.answer(request, "PARTIALLY_ALLOCATED", 3, 3, List.of(), json);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> detail(id).getString("quota.state").equals("PARTIALLY_ALLOCATED"));
        assertThat(detail(id).getInt("quota.unfulfilled")).isEqualTo(2);
        assertThat(detail(id).getInt("quota.ticketCounts.ALLOCATED")).isEqualTo(3);
    }

    @Test
    void aResultDeliveredAgainCreatesNoSecondSetOfTickets() {
        UUID id = firstQuota(create(body(uniqueEmail(), "[1]", 2)));
        AllocationRequested request = Allocations.requestFor(id, json);
        AllocationCompleted result = Allocations.answer(request, "ALLOCATED", 2, 50, List.of(), json);
        await().atMost(Duration.ofSeconds(20)).until(() -> detail(id).getString("quota.state").equals("ALLOCATED"));
        Allocations.send(result, json);
        // a later quota's result proves the repeated one has been consumed before we count
        UUID later = firstQuota(create(body(uniqueEmail(), "[1]", 1)));
        Allocations.answer(Allocations.requestFor(later, json), "ALLOCATED", 1, 50, List.of(), json);
        await().atMost(Duration.ofSeconds(20)).until(() -> detail(later).getString("quota.state").equals("ALLOCATED"));
        assertThat(detail(id).getList("tickets")).hasSize(2);
    }

    @Test
    void everyRefusalNamesItsField() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"not-an-email","holderName":"","matchIds":[1,99],"sectors":["W1","Z9"],
                         "quantity":0,"discountPercent":120,"algorithm":"BEST","expiresOn":"2020-01-01"}""")
                .post("/api/admin/quotas")
                .then().statusCode(400)
                .body("violations.field", contains("holderEmail", "holderName", "matchIds", "sectors", "quantity",
                        "discountPercent", "algorithm", "expiresOn"))
                .body("violations.message", hasItem("unknown match 99"))
                .body("violations.message", hasItem("unknown sector Z9 at ARENA"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(body(uniqueEmail(), "[1]", 151))
                .post("/api/admin/quotas")
                .then().statusCode(400).body("violations[0].message", equalTo("is above the 150 seats the sectors hold"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(body(uniqueEmail(), "[3]", 1))
                .post("/api/admin/quotas")
                .then().statusCode(400).body("violations[0].message", containsString("has started"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body("{\"quantity\":\"four\"}")
                .post("/api/admin/quotas").then().statusCode(400).body("violations[0].field", equalTo("quantity"));
    }

    @Test
    void searchFiltersByHolderStateSectorMatchAndExpiration() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String soon = """
                {"holderEmail":"soon-%s@club.example","holderName":"Soon %s","matchIds":[2],"sectors":["N1"],
                 "quantity":2,"algorithm":"REDOM","expiresOn":"%s"}""".formatted(tag, tag, clubToday().plusDays(2));
        String later = """
                {"holderEmail":"later-%s@club.example","holderName":"Later %s","matchIds":[1],"sectors":["W1"],
                 "quantity":1,"algorithm":"NM","expiresOn":"%s"}""".formatted(tag, tag, clubToday().plusDays(60));
        UUID soonId = firstQuota(create(soon));
        firstQuota(create(later));

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?holder=" + tag + "&sort=holderEmail&direction=asc")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.holderEmail", contains("later-" + tag + "@club.example", "soon-" + tag + "@club.example"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?holder=" + tag + "&sector=N1")
                .then().body("items", hasSize(1)).body("items[0].id", equalTo(soonId.toString()));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?holder=" + tag + "&matchId=2")
                .then().body("items.id", contains(soonId.toString()));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?holder=" + tag + "&expiringWithinDays=3")
                .then().body("items.id", contains(soonId.toString()))
                .body("items[0].expiration.state", equalTo("EXPIRING_SOON"))
                .body("items[0].expiration.daysLeft", equalTo(2));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/quotas?holder=" + tag + "&state=pending_allocation&size=1")
                .then().body("items", hasSize(1)).body("total", equalTo(2))
                .body("items.state", everyItem(equalTo("PENDING_ALLOCATION")));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?state=LOST")
                .then().statusCode(400).body("violations[0].field", equalTo("state"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?sort=password")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
    }

    @Test
    void anUnknownQuotaIsNotFound() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/not-a-uuid").then().statusCode(404);
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
