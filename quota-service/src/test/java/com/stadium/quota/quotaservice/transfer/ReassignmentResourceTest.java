package com.stadium.quota.quotaservice.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.AppSessions;
import com.stadium.quota.quotaservice.AtOnce;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A holder gives a sold ticket to another attendee (issue 21): only with the transferable permission (own or
 * inherited), until the cutoff before kick-off, to someone else; one of two at once wins; audited and both told.
 */
@QuarkusTest
class ReassignmentResourceTest {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    String holder;
    String token;

    @BeforeEach
    void world() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        holder = HeldQuotas.uniqueEmail("giver");
        token = Tokens.holder(holder);
    }

    /** A free quota of the holder with all its tickets sold to "Gus Guest i". */
    private UUID soldQuota(int seats, boolean transferable) {
        UUID quota = HeldQuotas.allocated(holder, seats, 100, true, transferable, json);
        HeldQuotas.sellFree(token, quota, ids(quota));
        return quota;
    }

    private List<UUID> ids(UUID quota) {
        return data.tickets(quota).stream().map(t -> t.id).toList();
    }

    private static Response reassign(String token, UUID quota, UUID ticket, String name, String email,
            Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("attendeeVersion", version);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/holder/quotas/{q}/tickets/{t}/attendee", quota, ticket);
    }

    private JsonPath detail(String token, UUID quota) {
        return given().auth().oauth2(token).get("/api/holder/quotas/{q}", quota).then().statusCode(200).extract()
                .jsonPath();
    }

    private static Map<String, Object> card(JsonPath detail, UUID ticket) {
        return detail.getMap("tickets.find { it.id == '" + ticket + "' }");
    }

    private List<Map<String, Object>> audit(UUID quota) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota).then()
                .statusCode(200).extract().jsonPath().getList("audit.findAll { it.action == 'TICKET_REASSIGNED' }");
    }

    @Test
    void theHolderGivesASoldTicketToSomeoneElseWhoGetsTheTicketWithANewCodeAndThePreviousAttendeeIsTold() {
        UUID quota = soldQuota(2, true);
        UUID ticket = ids(quota).get(0);
        JsonPath before = detail(token, quota);
        assertThat(before.getBoolean("quota.permissions.reassign")).isTrue();
        Map<String, Object> old = card(before, ticket);
        assertThat(old).containsEntry("attendeeVersion", 0).containsEntry("reassignable", true)
                .containsEntry("attendeeEmail", "gus0@friends.example");
        assertThat((String) old.get("code")).startsWith("v1.demo2026.");

        Map<String, Object> now = reassign(token, quota, ticket, "  Bea New ", "Bea@Friends.example", 0).then()
                .statusCode(200).extract().jsonPath().getMap("");

        assertThat(now).containsEntry("id", ticket.toString()).containsEntry("attendeeName", "Bea New")
                .containsEntry("attendeeEmail", "bea@friends.example").containsEntry("attendeeVersion", 1)
                .containsEntry("status", "SOLD").containsEntry("reassignable", true);
        assertThat((String) now.get("code")).startsWith("v1.demo2026.").isNotEqualTo(old.get("code"));
        assertThat(card(detail(token, quota), ticket)).as("the holder's card shows the change").isEqualTo(now);

        assertThat(audit(quota)).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("actor", holder).containsEntry("onBehalfOf", null);
            assertThat((String) ((Map<?, ?>) line.get("details")).get("summary")).isEqualTo("attendee of ticket "
                    + ticket + " (W2 row " + data.tickets(quota).get(0).rowLabel + " seat "
                    + data.tickets(quota).get(0).seatLabel
                    + ") changed from Gus Guest 0 <gus0@friends.example> to Bea New <bea@friends.example>");
        });
        List<String> outbox = data.outbox(quota.toString());
        assertThat(outbox).filteredOn(m -> m.contains("TICKET_REASSIGNED"))
                .as("quota.changed, and the ticket mail to the new attendee with the new code").hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("bea@friends.example", (String) now.get("code"),
                        "Hanna Holder"));
        assertThat(outbox).filteredOn(m -> m.contains("ATTENDEE_REPLACED")).singleElement()
                .satisfies(m -> assertThat(m).contains("gus0@friends.example").doesNotContain("Bea", "bea@",
                        (String) now.get("code"), (String) old.get("code")));
    }

    @Test
    void withoutTheTransferablePermissionTheCardHasNoActionAndTheApiRefusesWithTheReason() {
        UUID quota = soldQuota(1, false);
        UUID ticket = ids(quota).get(0);
        JsonPath detail = detail(token, quota);
        assertThat(detail.getBoolean("quota.permissions.reassign")).isFalse();
        assertThat(card(detail, ticket)).containsEntry("reassignable", false);

        reassign(token, quota, ticket, "Bea New", "bea@friends.example", 0).then().statusCode(403)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("quota"))
                .body("violations[0].message", org.hamcrest.Matchers.equalTo(
                        "this quota's tickets are not transferable"));
        assertThat(card(detail(token, quota), ticket)).containsEntry("attendeeVersion", 0)
                .containsEntry("attendeeEmail", "gus0@friends.example");
        assertThat(audit(quota)).isEmpty();
    }

    @Test
    void aSubquotaInheritsTheTransferablePermissionOfItsParent() {
        for (boolean transferable : List.of(true, false)) {
            UUID parent = HeldQuotas.allocated(holder, 2, 100, true, transferable, json);
            String recipient = HeldQuotas.uniqueEmail("recipient");
            UUID sub = UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("recipientEmail", recipient, "recipientName", "Rita Recipient", "ticketIds",
                            List.of(ids(parent).get(0))))
                    .post("/api/holder/quotas/{q}/subquotas", parent).then().statusCode(201).extract()
                    .path("quota.id"));
            String recipientToken = Tokens.holder(recipient);
            UUID ticket = ids(sub).get(0);
            HeldQuotas.sellFree(recipientToken, sub, List.of(ticket));

            assertThat(detail(recipientToken, sub).getBoolean("quota.permissions.reassign")).as("inherited %s",
                    transferable).isEqualTo(transferable);
            reassign(recipientToken, sub, ticket, "Bea New", "bea@friends.example", 0).then()
                    .statusCode(transferable ? 200 : 403);
        }
    }

    @Test
    void closeToKickOffTheTicketCannotBeGivenAwayAnyMore() {
        UUID quota = soldQuota(1, true);
        UUID ticket = ids(quota).get(0);
        data.setKickoff(quota, Instant.now().plus(Duration.ofMinutes(119)));
        JsonPath detail = detail(token, quota);
        assertThat(detail.getBoolean("quota.permissions.reassign")).as("2 h cutoff").isFalse();
        assertThat(card(detail, ticket)).containsEntry("reassignable", false);

        JsonPath refused = reassign(token, quota, ticket, "Bea New", "bea@friends.example", 0).then()
                .statusCode(409).extract().jsonPath();
        assertThat(refused.getString("violations[0].message")).contains("120 minutes before kick-off");
        assertThat(refused.getMap("current")).containsEntry("id", ticket.toString())
                .containsEntry("attendeeEmail", "gus0@friends.example").containsEntry("attendeeVersion", 0);

        data.setKickoff(quota, Instant.now().plus(Duration.ofMinutes(125)));
        reassign(token, quota, ticket, "Bea New", "bea@friends.example", 0).then().statusCode(200);
    }

    @Test
    void theSamePersonABlankNameABadEmailOrAnotherQuotasTicketIsA400NamingTheField() {
        UUID quota = soldQuota(1, true);
        UUID ticket = ids(quota).get(0);
        reassign(token, quota, ticket, "Gus Again", " GUS0@friends.example ", 0).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("email"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("attendee already"));
        reassign(token, quota, ticket, "  ", "bea@friends.example", 0).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("name"));
        reassign(token, quota, ticket, "Bea New", "bea@", 0).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("email"));
        reassign(token, quota, UUID.randomUUID(), "Bea New", "bea@friends.example", 0).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("ticketId"));
        given().auth().oauth2(token).contentType(ContentType.JSON).put("/api/holder/quotas/{q}/tickets/{t}/attendee",
                quota, ticket).then().statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("body"));
        assertThat(card(detail(token, quota), ticket)).containsEntry("attendeeVersion", 0);
        assertThat(audit(quota)).isEmpty();
    }

    @Test
    void aTicketNotSoldYetIsAConflict() {
        UUID quota = HeldQuotas.allocated(holder, 1, 100, true, true, json);
        reassign(token, quota, ids(quota).get(0), "Bea New", "bea@friends.example", 0).then().statusCode(409)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("ticketId"))
                .body("current.status", org.hamcrest.Matchers.equalTo("ALLOCATED"));
    }

    @Test
    void ofReassignmentsOfOneTicketAtOnceOneWinsAndTheOthersGetTheCurrentCard() throws Exception {
        UUID quota = soldQuota(1, true);
        UUID ticket = ids(quota).get(0);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(() -> reassign(token, quota, ticket, "Racer " + n, "racer" + n + "@friends.example", 0));
        }
        List<Response> answers = AtOnce.run(calls);

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 409).filteredOn(s -> s == 200)
                .hasSize(1);
        String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().jsonPath()
                .getString("attendeeEmail");
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.jsonPath().getString("violations[0].field")).isEqualTo("attendeeVersion");
            assertThat(r.jsonPath().getMap("current")).containsEntry("attendeeEmail", winner)
                    .containsEntry("attendeeVersion", 1);
        });
        assertThat(audit(quota)).hasSize(1);
    }

    @Test
    void anAdminMasqueradingAsTheHolderMayReassignAndTheAuditNamesBoth() {
        UUID quota = soldQuota(1, true);
        UUID ticket = ids(quota).get(0);
        reassign(AppSessions.masquerading(holder), quota, ticket, "Bea New", "bea@friends.example", 0).then()
                .statusCode(200);
        assertThat(audit(quota)).singleElement().satisfies(line -> assertThat(line).containsEntry("actor", "admin")
                .containsEntry("onBehalfOf", holder));
    }
}
