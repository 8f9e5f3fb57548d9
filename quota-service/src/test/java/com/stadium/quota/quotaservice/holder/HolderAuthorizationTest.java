package com.stadium.quota.quotaservice.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.AppSessions;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * What the matrix of access-rules.md does not show: a refused call on holder A's quota changes nothing, a
 * masquerading admin may not pay and is named in the audit, and each holder's list holds only their own quotas.
 */
@QuarkusTest
class HolderAuthorizationTest {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    String holderA;
    UUID quota;
    UUID subquota;
    UUID claim;
    List<UUID> tickets;
    Map<String, String> tokens;

    @BeforeEach
    void world() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        holderA = HeldQuotas.uniqueEmail("holder-a");
        String subRecipient = HeldQuotas.uniqueEmail("sub-of-a");
        tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("holder B", Tokens.holder(HeldQuotas.uniqueEmail("holder-b")));
        tokens.put("sub-recipient of A", Tokens.holder(subRecipient));
        tokens.put("admin without masquerade", Tokens.of(Tokens.MANAGER));
        tokens.put("admin with masquerade, as admin", Tokens.of(Tokens.ADMIN));
        tokens.put("holder A", Tokens.holder(holderA));
        tokens.put("admin masquerading as holder A", AppSessions.masquerading(holderA));

        quota = HeldQuotas.allocated(holderA, 6, 50, true, false, json);
        tickets = data.tickets(quota).stream().map(t -> t.id).toList();
        subquota = UUID.fromString(as("holder A").contentType(ContentType.JSON).body(Map.of("recipientEmail",
                subRecipient, "recipientName", "Sub Recipient", "ticketIds", List.of(tickets.get(5))))
                .post("/api/holder/quotas/{q}/subquotas", quota).then().statusCode(201).extract().path("quota.id"));
        claim = UUID.fromString(as("holder A").contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(tickets.get(0)))).post("/api/holder/quotas/{q}/claims", quota)
                .then().statusCode(201).extract().path("id"));
    }

    private RequestSpecification as(String who) {
        String token = tokens.get(who);
        return token == null ? given() : given().auth().oauth2(token);
    }

    /** The endpoints on holder A's quota, each as a call any caller can make. */
    private Map<String, Function<RequestSpecification, Response>> endpoints() {
        Map<String, Function<RequestSpecification, Response>> calls = new LinkedHashMap<>();
        calls.put("GET quota", r -> r.get("/api/holder/quotas/{q}", quota));
        calls.put("POST claims", r -> r.contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(tickets.get(1)))).post("/api/holder/quotas/{q}/claims", quota));
        calls.put("GET claim", r -> r.get("/api/holder/quotas/{q}/claims/{c}", quota, claim));
        calls.put("PUT attendees", r -> r.contentType(ContentType.JSON).body(Map.of("attendees", List.of(Map.of(
                "ticketId", tickets.get(0), "name", "Ann", "email", "ann@friends.example"))))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim));
        calls.put("POST payment", r -> r.post("/api/holder/quotas/{q}/claims/{c}/payment", quota, claim));
        calls.put("DELETE claim", r -> r.delete("/api/holder/quotas/{q}/claims/{c}", quota, claim));
        calls.put("POST subquotas", r -> r.contentType(ContentType.JSON).body(Map.of("recipientEmail",
                "x@friends.example", "recipientName", "X", "ticketIds", List.of(tickets.get(2))))
                .post("/api/holder/quotas/{q}/subquotas", quota));
        calls.put("POST subquota preview", r -> r.contentType(ContentType.JSON).body(Map.of("recipientEmail",
                "x@friends.example", "recipientName", "X", "tickets", 1))
                .post("/api/holder/quotas/{q}/subquotas/preview", quota));
        calls.put("POST retraction", r -> r.post("/api/holder/quotas/{q}/subquotas/{s}/retraction", quota,
                subquota));
        calls.put("PUT ticket attendee", r -> r.contentType(ContentType.JSON).body(Map.of("name", "Bea",
                "email", "bea@friends.example", "attendeeVersion", 0))
                .put("/api/holder/quotas/{q}/tickets/{t}/attendee", quota, tickets.get(0)));
        return calls;
    }

    @Test
    void refusedCallsChangeNothing() {
        // who gets which refusal is in access-rules.md (AccessRulesTest); here: that a refusal leaves no trace
        List<String> refused = List.of("anonymous", "holder B", "sub-recipient of A", "admin without masquerade",
                "admin with masquerade, as admin");
        Map<String, Object> before = state();
        for (Map.Entry<String, Function<RequestSpecification, Response>> endpoint : endpoints().entrySet()) {
            refused.forEach(who -> assertThat(endpoint.getValue().apply(as(who)).statusCode())
                    .as("%s by %s", endpoint.getKey(), who).isIn(401, 403, 404));
        }
        assertThat(state()).as("refused calls change nothing").isEqualTo(before);
    }

    @Test
    void aMasqueradingAdminMayDoAllButPayAndTheAuditNamesBoth() {
        String admin = "admin masquerading as holder A";
        assertThat(as(admin).get("/api/holder/quotas").then().statusCode(200).extract().jsonPath()
                .getList("id")).containsExactly(quota.toString());
        as(admin).contentType(ContentType.JSON).body(Map.of("attendees", List.of(Map.of("ticketId", tickets.get(0),
                "name", "Ann", "email", "ann@friends.example"))))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then().statusCode(200);
        as(admin).post("/api/holder/quotas/{q}/claims/{c}/payment", quota, claim).then().statusCode(403)
                .body("violations[0].message", org.hamcrest.Matchers.equalTo(
                        "an admin acting as the holder cannot complete a payment"));
        assertThat(data.claim(claim).step).as("no payment was started").isEqualTo(
                com.stadium.quota.quotaservice.quota.ClaimStep.ATTENDEES_GIVEN);
        as("holder A").post("/api/holder/quotas/{q}/claims/{c}/payment", quota, claim).then().statusCode(200);

        Map<String, Integer> adminGets = new LinkedHashMap<>();
        endpoints().forEach((name, call) -> adminGets.put(name, call.apply(as(admin)).statusCode()));
        assertThat(adminGets).isEqualTo(Map.of("GET quota", 200, "POST claims", 201, "GET claim", 200,
                "PUT attendees", 409, "POST payment", 403, "DELETE claim", 200, "POST subquotas", 201,
                "POST subquota preview", 200, "POST retraction", 200, "PUT ticket attendee", 403));

        List<Map<String, Object>> audit = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/quotas/{id}", quota).then().extract().jsonPath()
                .getList("audit.findAll { it.onBehalfOf != null }");
        assertThat(audit).extracting(a -> a.get("action")).containsExactly("CLAIM_ATTENDEES_GIVEN", "CLAIM_STARTED",
                "CLAIM_RELEASED", "SUBQUOTA_CREATED", "SUBQUOTA_RETRACTED");
        assertThat(audit).allSatisfy(a -> assertThat(a).containsEntry("actor", "admin")
                .containsEntry("onBehalfOf", holderA));
    }

    @Test
    void myQuotasListsOnlyTheCallersOwn() {
        assertThat(mine("holder A")).containsExactly(quota.toString());
        assertThat(mine("holder B")).isEmpty();
        assertThat(mine("sub-recipient of A")).containsExactly(subquota.toString());
        assertThat(as("sub-recipient of A").get("/api/holder/quotas/{q}", subquota).statusCode()).isEqualTo(200);
        assertThat(as("holder A").get("/api/holder/quotas/{q}", subquota).statusCode())
                .as("the parent's holder sees a subquota's progress in their own quota, not the subquota itself")
                .isEqualTo(404);
    }

    private List<String> mine(String who) {
        return as(who).get("/api/holder/quotas").then().statusCode(200).extract().jsonPath().getList("id");
    }

    private Map<String, Object> state() {
        return Map.of("tickets", data.tickets(quota).stream().map(t -> t.id + ":" + t.status + ":" + t.claimId)
                .toList(), "sub", data.tickets(subquota).stream().map(t -> t.id + ":" + t.status).toList(),
                "claim", data.claim(claim).step);
    }
}
