package com.stadium.quota.quotaservice.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The demo holder (holder@club.example, a real Keycloak user) sees its own quotas and nobody else's. */
@QuarkusTest
class HolderQuotaTest {

    static final String HOLDER_EMAIL = "holder@club.example";

    @Inject
    ObjectMapper json;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private String quota(String email, String outcome) {
        return HeldQuotas.answered(email, 3, 50, true, false, outcome, json).toString();
    }

    private static List<Map<String, Object>> mine() {
        return given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/holder/quotas")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void theHolderSeesOwnQuotasWithTicketCountsAndPermissionsAndNotOthers() {
        String own = quota(HOLDER_EMAIL.toUpperCase(), "ALLOCATED");
        String someoneElses = quota("other-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example",
                "ALLOCATED");
        String failed = quota(HOLDER_EMAIL, "FAILED");

        List<Map<String, Object>> mine = mine();
        assertThat(mine).extracting(q -> q.get("id")).contains(own).doesNotContain(someoneElses, failed);
        Map<String, Object> quota = mine.stream().filter(q -> own.equals(q.get("id"))).findFirst().orElseThrow();
        assertThat(quota).containsEntry("matchName", "FC Example vs Harbour City").containsEntry("received", false);
        assertThat(quota.get("ticketCounts")).isEqualTo(Map.of("ALLOCATED", 3, "RESERVED", 0, "SOLD", 0,
                "CANCELLED", 0));
        assertThat(quota.get("permissions")).isEqualTo(Map.of("claim", true, "delegate", true,
                "transferable", false, "reassign", false));
    }

    @Test
    void ticketsAreCardsWithThePriceTheHolderPays() {
        String own = quota(HOLDER_EMAIL, "ALLOCATED");
        JsonPath detail = given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/holder/quotas/{id}", own)
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("tickets")).hasSize(3);
        assertThat(detail.getList("tickets.priceCents", Integer.class)).containsOnly(3000);
        assertThat(detail.getList("tickets.matchName", String.class)).containsOnly("FC Example vs Harbour City");
        assertThat(detail.getList("tickets.status", String.class)).containsOnly("ALLOCATED");
    }

    @Test
    void anotherPersonsQuotaIsNotFoundForTheHolder() {
        String someoneElses = quota("stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example",
                "ALLOCATED");
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/holder/quotas/{id}", someoneElses)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/holder/quotas/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void onlyHoldersUseTheHolderApi() {
        given().get("/api/holder/quotas").then().statusCode(401);
        given().get("/api/holder/quotas/{id}", UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/holder/quotas").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/holder/quotas/{id}", UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void aQuotaNamesItsMatchAndDiscountAndAReceivedOneNamesItsSender() {
        String sender = HeldQuotas.uniqueEmail("sender");
        String senderToken = Tokens.holder(sender);
        String receiver = HeldQuotas.uniqueEmail("receiver");
        UUID quota = HeldQuotas.allocated(sender, 3, 20, true, false, json);
        String sub = given().auth().oauth2(senderToken).contentType(ContentType.JSON).body(Map.of("recipientEmail",
                receiver, "recipientName", "Rita Receiver", "tickets", 2))
                .post("/api/holder/quotas/{q}/subquotas", quota).then().statusCode(201).extract().path("quota.id");

        JsonPath own = given().auth().oauth2(senderToken).get("/api/holder/quotas/{id}", quota).then().statusCode(200)
                .extract().jsonPath();
        assertThat(own.getLong("quota.matchId")).isEqualTo(2L);
        assertThat(own.getInt("quota.discountPercent")).isEqualTo(20);
        assertThat(own.getMap("quota")).containsEntry("receivedFrom", null);

        List<Map<String, Object>> received = given().auth().oauth2(Tokens.holder(receiver)).get("/api/holder/quotas")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(received).extracting(q -> q.get("id")).containsExactly(sub);
        assertThat(received.get(0)).containsEntry("received", true).containsEntry("matchId", 2)
                .containsEntry("discountPercent", 20)
                .containsEntry("receivedFrom", Map.of("name", "Hanna Holder", "email", sender));
    }
}
