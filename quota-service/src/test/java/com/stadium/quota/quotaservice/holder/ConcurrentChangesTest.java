package com.stadium.quota.quotaservice.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.AtOnce;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Many requests at once on the same tickets (tabs, web and app): exactly one wins, every other one gets 409 with the
 * state it lost to, and no ticket ends up in two claims or two subquotas.
 */
@QuarkusTest
class ConcurrentChangesTest {

    static final int THREADS = 12;

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    @Test
    void manySelectionsOfTheSameTicketsHaveExactlyOneWinner() throws Exception {
        String email = HeldQuotas.uniqueEmail("racer");
        String token = Tokens.holder(email);
        UUID quota = HeldQuotas.allocated(email, 4, 50, true, false, json);
        List<UUID> contested = data.tickets(quota).stream().limit(2).map(t -> t.id).toList();

        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            requests.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("ticketIds", contested)).post("/api/holder/quotas/{q}/claims", quota));
        }
        List<Response> responses = AtOnce.run(requests);

        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertThat(r.jsonPath()
                .getMap("current.quota.ticketCounts")).containsEntry("RESERVED", 2).containsEntry("ALLOCATED", 2));
        List<Ticket> tickets = data.tickets(quota);
        assertThat(tickets).hasSize(4);
        assertThat(tickets).filteredOn(t -> t.status == TicketStatus.RESERVED).extracting(t -> t.id)
                .containsExactlyInAnyOrderElementsOf(contested);
        assertThat(tickets).filteredOn(t -> t.status == TicketStatus.RESERVED).extracting(t -> t.claimId)
                .containsOnly(UUID.fromString(responses.stream().filter(r -> r.statusCode() == 201).findFirst()
                        .orElseThrow().jsonPath().getString("id")));
    }

    @Test
    void claimsAndSubquotasRacingForOverlappingTicketsNeverShareOne() throws Exception {
        String email = HeldQuotas.uniqueEmail("sharer");
        String token = Tokens.holder(email);
        UUID quota = HeldQuotas.allocated(email, 5, 50, true, false, json);
        List<UUID> ids = data.tickets(quota).stream().map(t -> t.id).toList();

        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            requests.add(n % 2 == 0
                    ? () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("ticketIds", ids.subList(1, 3))).post("/api/holder/quotas/{q}/claims", quota)
                    : () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("recipientEmail", "friend" + n + "@friends.example", "recipientName",
                                    "Friend " + n, "ticketIds", ids.subList(0, 2)))
                            .post("/api/holder/quotas/{q}/subquotas", quota));
        }
        List<Response> responses = AtOnce.run(requests);

        assertThat(responses).extracting(Response::statusCode)
                .as("answers: %s", responses.stream().map(Response::asString).toList()).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        List<Ticket> all = new ArrayList<>(data.tickets(quota));
        subquotasOf(quota).forEach(sub -> all.addAll(data.tickets(sub)));
        assertThat(all).as("counts are conserved: every ticket is in exactly one place").hasSize(5)
                .extracting(t -> t.id).doesNotHaveDuplicates();
    }

    @Test
    void aPaymentAnswerDeliveredManyTimesAtOnceSellsTheTicketsOnce() throws Exception {
        String email = HeldQuotas.uniqueEmail("payer");
        String token = Tokens.holder(email);
        UUID quota = HeldQuotas.allocated(email, 2, 50, true, false, json);
        List<UUID> ids = data.tickets(quota).stream().map(t -> t.id).toList();
        String claim = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("ticketIds", ids))
                .post("/api/holder/quotas/{q}/claims", quota).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("attendees", List.of(
                Map.of("ticketId", ids.get(0), "name", "Pia", "email", email),
                Map.of("ticketId", ids.get(1), "name", "Gus", "email", "gus@friends.example"))))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then().statusCode(200);
        String paymentId = given().auth().oauth2(token).post("/api/holder/quotas/{q}/claims/{c}/payment", quota, claim)
                .then().statusCode(200).extract().path("paymentId");
        String body = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"PAID\"}";
        String signature = com.stadium.quota.quotaservice.payment.CallbackSignature.sign("sandbox-local-secret",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        List<Callable<Response>> callbacks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            callbacks.add(() -> given().contentType(ContentType.JSON).header("Payment-Signature", signature)
                    .body(body).post("/api/payments/callback"));
        }
        assertThat(AtOnce.run(callbacks)).extracting(Response::statusCode).containsOnly(200);

        assertThat(data.tickets(quota)).extracting(t -> t.status).containsOnly(TicketStatus.SOLD);
        assertThat(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota).then()
                .extract().jsonPath().getList("audit.findAll { it.action == 'CLAIM_COMPLETED' }")).hasSize(1);
    }

    /** The subquotas of a quota, read as the admin sees them. */
    private static List<UUID> subquotasOf(UUID quota) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota).then()
                .statusCode(200).extract().jsonPath().getList("subquotas.id", String.class).stream()
                .map(UUID::fromString).toList();
    }
}
