package com.stadium.quota.quotaservice.cancellation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.RefundRequested;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.Allocations;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The exact effect of each cancellation option on a quota with a ticket in every status and a subquota. RESERVED
 * and SOLD come from the holder's claim (a later issue), so {@link TestData} sets them directly.
 */
@QuarkusTest
class CancellationTest {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    /** A quota of six seats: ALLOCATED, RESERVED, SOLD paid 48.00, SOLD free, and a subquota with two more. */
    private record Setup(UUID quota, UUID subquota, String holder, String subRecipient, List<Ticket> tickets) {
    }

    private Setup quotaWithEveryStatus() {
        String holder = "holder-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        String subRecipient = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@friends.example";
        UUID quota = UUID.fromString(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Hal Holder","matchIds":[1],"sectors":["W1"],"quantity":6,
                         "discountPercent":20,"algorithm":"NM","delegate":true}""".formatted(holder))
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id"));
        AllocationRequested request = Allocations.requestFor(quota, json);
        Allocations.answer(request, "ALLOCATED", 6, 60, List.of(), json);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> data.tickets(quota).size() == 6);
        List<Ticket> tickets = data.tickets(quota);
        data.setStatus(tickets.get(1).id, TicketStatus.RESERVED, null);
        data.setStatus(tickets.get(2).id, TicketStatus.SOLD, 4800);
        data.setStatus(tickets.get(3).id, TicketStatus.SOLD, 0);
        UUID sub = data.subquota(quota, subRecipient, List.of(tickets.get(4).id, tickets.get(5).id));
        data.setStatus(tickets.get(5).id, TicketStatus.SOLD, 4800);
        return new Setup(quota, sub, holder, subRecipient, tickets);
    }

    private JsonPath cancel(UUID quota, String scope) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"" + scope + "\"}")
                .post("/api/admin/quotas/{id}/cancel", quota).then().statusCode(200).extract().jsonPath();
    }

    private TicketStatus status(Setup setup, int index) {
        return data.tickets(setup.quota()).stream().filter(t -> t.id.equals(setup.tickets().get(index).id))
                .findFirst().or(() -> data.tickets(setup.subquota()).stream()
                        .filter(t -> t.id.equals(setup.tickets().get(index).id)).findFirst())
                .orElseThrow().status;
    }

    private <T extends SuiteEvent> List<T> events(String topic, Class<T> type, Predicate<T> matching, int count) {
        return HeldQuotas.events(topic, type, matching, count, json);
    }


    @Test
    void unfulfilledOnlyCancelsEveryUnsoldTicketOfTheQuotaAndItsSubquotaAndKeepsSoldOnes() {
        Setup setup = quotaWithEveryStatus();
        JsonPath report = cancel(setup.quota(), "UNFULFILLED_ONLY");

        assertThat(report.getString("scope")).isEqualTo("UNFULFILLED_ONLY");
        assertThat(report.getList("quotas")).hasSize(2);
        assertThat(report.getMap("quotas.find { it.quotaId == '" + setup.quota() + "' }.cancelledTickets"))
                .isEqualTo(Map.of("ALLOCATED", 1, "RESERVED", 1, "SOLD", 0));
        assertThat(report.getInt("quotas.find { it.quotaId == '" + setup.quota() + "' }.soldKept")).isEqualTo(2);
        assertThat(report.getMap("quotas.find { it.quotaId == '" + setup.subquota() + "' }.cancelledTickets"))
                .isEqualTo(Map.of("ALLOCATED", 1, "RESERVED", 0, "SOLD", 0));
        assertThat(report.getInt("quotas.find { it.quotaId == '" + setup.subquota() + "' }.soldKept")).isEqualTo(1);

        assertThat(List.of(status(setup, 0), status(setup, 1), status(setup, 2), status(setup, 3), status(setup, 4),
                status(setup, 5))).containsExactly(TicketStatus.CANCELLED, TicketStatus.CANCELLED, TicketStatus.SOLD,
                        TicketStatus.SOLD, TicketStatus.CANCELLED, TicketStatus.SOLD);
        JsonPath detail = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/quotas/{id}", setup.quota()).then().extract().jsonPath();
        assertThat(detail.getString("quota.state")).isEqualTo("CANCELLED");
        assertThat(detail.getString("cancellationScope")).isEqualTo("UNFULFILLED_ONLY");
        assertThat(detail.getString("subquotas[0].state")).isEqualTo("CANCELLED");
        assertThat(detail.getList("audit.action", String.class)).endsWith("CANCELLED");

        List<SeatsReleased> releases = events(Topics.SEAT_RELEASES, SeatsReleased.class,
                r -> r.quotaId().equals(setup.quota()) || r.quotaId().equals(setup.subquota()), 2);
        assertThat(releases).flatExtracting(SeatsReleased::seatIds).containsExactlyInAnyOrder(
                setup.tickets().get(0).seatId, setup.tickets().get(1).seatId, setup.tickets().get(4).seatId);
        assertThat(releases).extracting(SeatsReleased::quotaId).as("allocation-service holds a subquota's seats "
                + "under the quota it allocated them to").containsOnly(setup.quota());
        List<NotificationRequested> told = events(Topics.NOTIFICATION_REQUESTS, NotificationRequested.class,
                n -> n.kind() == NotificationKind.QUOTA_CANCELLED && (n.recipientEmail().equals(setup.holder())
                        || n.recipientEmail().equals(setup.subRecipient())), 2);
        assertThat(told).extracting(NotificationRequested::recipientEmail)
                .containsExactlyInAnyOrder(setup.holder(), setup.subRecipient());
        assertThat(told).extracting(NotificationRequested::notice).allSatisfy(n -> assertThat(n)
                .isInstanceOfSatisfying(Notice.QuotaCancelled.class, c -> assertThat(c.refund()).isNull()));
    }

    @Test
    void allUnusedAlsoCancelsSoldTicketsAndRefundsThePaidOnes() {
        Setup setup = quotaWithEveryStatus();
        JsonPath report = cancel(setup.quota(), "ALL_UNUSED");

        assertThat(report.getMap("quotas.find { it.quotaId == '" + setup.quota() + "' }.cancelledTickets"))
                .isEqualTo(Map.of("ALLOCATED", 1, "RESERVED", 1, "SOLD", 2));
        assertThat(report.getInt("quotas.find { it.quotaId == '" + setup.quota() + "' }.refundsRequested"))
                .isEqualTo(1);
        assertThat(report.getInt("quotas.find { it.quotaId == '" + setup.quota() + "' }.refundedCents"))
                .isEqualTo(4800);
        for (int i = 0; i < 6; i++) {
            assertThat(status(setup, i)).as("ticket %d", i).isEqualTo(TicketStatus.CANCELLED);
        }
        List<RefundRequested> refunds = events(Topics.REFUND_REQUESTS, RefundRequested.class,
                r -> r.quotaId().equals(setup.quota()) || r.quotaId().equals(setup.subquota()), 2);
        assertThat(refunds).extracting(RefundRequested::ticketId)
                .containsExactlyInAnyOrder(setup.tickets().get(2).id, setup.tickets().get(5).id);
        assertThat(refunds).allMatch(r -> r.amountCents() == 4800 && r.idempotencyKey().equals("refund-" + r.ticketId()));
        NotificationRequested holderTold = events(Topics.NOTIFICATION_REQUESTS, NotificationRequested.class,
                n -> n.kind() == NotificationKind.QUOTA_CANCELLED && n.recipientEmail().equals(setup.holder()), 1)
                .get(0);
        assertThat(holderTold.notice()).isInstanceOfSatisfying(Notice.QuotaCancelled.class, c -> {
            assertThat(c.refund()).isEqualTo(new Notice.Money(4800, "EUR"));
            assertThat(c.scope()).isEqualTo(Notice.CancellationScope.ALL_UNUSED);
            assertThat(c.ticketCount()).isEqualTo(4);
        });
    }

    private JsonPath preview(String path, Object id, String scope) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"" + scope + "\"}")
                .post(path, id).then().statusCode(200).extract().jsonPath();
    }

    /** Everything a cancellation changes: quotas, tickets, audit trails, refunds, outbox (events and mails). */
    private String everythingAbout(Setup setup) {
        StringBuilder all = new StringBuilder();
        for (UUID quota : List.of(setup.quota(), setup.subquota())) {
            all.append(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota)
                    .then().statusCode(200).extract().asString());
            all.append(data.refunds(quota).size()).append('/').append(data.outboxMentioning(quota.toString()));
        }
        return all.append(data.outboxMentioning(setup.holder())).append(data.outboxMentioning(setup.subRecipient()))
                .toString();
    }

    @ParameterizedTest
    @ValueSource(strings = { "UNFULFILLED_ONLY", "ALL_UNUSED" })
    void thePreviewChangesNothingAndEqualsWhatTheCancellationThenDoes(String scope) {
        Setup setup = quotaWithEveryStatus();
        String before = everythingAbout(setup);

        JsonPath preview = preview("/api/admin/quotas/{id}/cancel/preview", setup.quota(), scope);
        assertThat(preview.getBoolean("preview")).isTrue();
        assertThat(everythingAbout(setup)).as("a preview writes nothing").isEqualTo(before);

        JsonPath report = cancel(setup.quota(), scope);
        assertThat(report.getBoolean("preview")).isFalse();
        assertThat(preview.getList("quotas")).as("the preview is the cancellation's own answer")
                .isEqualTo(report.getList("quotas"));
        assertThat(preview.getList("quotas")).hasSize(2);

        // and that answer is what happened
        List<Long> released = preview.getList("quotas.seatsReleased.flatten().seatId", Long.class);
        List<Long> cancelledSeats = new java.util.ArrayList<>();
        for (UUID quota : List.of(setup.quota(), setup.subquota())) {
            data.tickets(quota).stream().filter(t -> t.status == TicketStatus.CANCELLED)
                    .forEach(t -> cancelledSeats.add(t.seatId));
        }
        assertThat(released).containsExactlyInAnyOrderElementsOf(cancelledSeats);
        List<String> refunded = preview.getList("quotas.refunds.flatten().ticketId", String.class);
        assertThat(java.util.stream.Stream.concat(data.refunds(setup.quota()).stream(),
                data.refunds(setup.subquota()).stream()).map(r -> r.ticketId.toString()).toList())
                .containsExactlyInAnyOrderElementsOf(refunded);
        List<Map<String, Object>> toldInPreview = preview.getList("quotas.told.flatten()");
        List<NotificationRequested> told = events(Topics.NOTIFICATION_REQUESTS, NotificationRequested.class,
                n -> n.kind() == NotificationKind.QUOTA_CANCELLED && (n.recipientEmail().equals(setup.holder())
                        || n.recipientEmail().equals(setup.subRecipient())), 2);
        assertThat(told).extracting(n -> Map.of("kind", n.kind().name(), "recipientEmail", n.recipientEmail(),
                "recipientName", n.recipientName(), "quotaId", n.quotaId(), "notice",
                json.convertValue(n.notice(), Map.class)))
                .containsExactlyInAnyOrderElementsOf(toldInPreview);
        if (scope.equals("ALL_UNUSED")) {
            assertThat(preview.getInt("quotas.find { it.quotaId == '" + setup.quota() + "' }.refundedCents"))
                    .isEqualTo(4800);
            assertThat(preview.getString("quotas[0].currency")).isEqualTo("EUR");
        }
    }

    /** A quota group of two seats in N1 at matches 1 and 2, not allocated yet. */
    private static JsonPath group(String email, String name) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"%s","matchIds":[1,2],
                         "sectors":["N1"],"quantity":2,"algorithm":"NM"}""".formatted(email, name))
                .post("/api/admin/quotas").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aGroupsPreviewNamesEveryMatchAndAPreviewOfACancelledQuotaIsAConflict() {
        JsonPath created = group("preview@sponsor.example", "Pia Preview");
        String group = created.getString("groupId");
        JsonPath preview = preview("/api/admin/quota-groups/{id}/cancel/preview", group, "UNFULFILLED_ONLY");
        assertThat(preview.getList("quotas.matchId", Long.class)).containsExactly(1L, 2L);
        assertThat(preview.getList("quotas.told.flatten().recipientEmail", String.class))
                .containsOnly("preview@sponsor.example");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"UNFULFILLED_ONLY\"}")
                .post("/api/admin/quota-groups/{id}/cancel", group).then().statusCode(200);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"ALL_UNUSED\"}")
                .post("/api/admin/quotas/{id}/cancel/preview", created.getString("quotas[0].id"))
                .then().statusCode(409).body("violations[0].message", equalTo("already cancelled"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"NOTHING\"}")
                .post("/api/admin/quota-groups/{id}/cancel/preview", group)
                .then().statusCode(400).body("violations[0].field", equalTo("scope"));
    }

    @Test
    void cancellingAGroupCancelsEveryMatchOfIt() {
        JsonPath created = group("group@sponsor.example", "Gia Group");
        String group = created.getString("groupId");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"UNFULFILLED_ONLY\"}")
                .post("/api/admin/quota-groups/{id}/cancel", group)
                .then().statusCode(200).body("quotas.size()", equalTo(2));
        for (String id : created.getList("quotas.id", String.class)) {
            given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", id)
                    .then().body("quota.state", equalTo("CANCELLED"));
        }
    }

    @Test
    void seatsThatArriveForAQuotaCancelledWhileWaitingGoStraightBack() {
        UUID quota = UUID.fromString(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"late@sponsor.example","holderName":"Lee Late","matchIds":[1],
                         "sectors":["N1"],"quantity":2,"algorithm":"NM"}""")
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id"));
        AllocationRequested request = Allocations.requestFor(quota, json);
        cancel(quota, "UNFULFILLED_ONLY");
        Allocations.answer(request, "ALLOCATED", 2, 50, List.of(), json);

        List<SeatsReleased> releases = events(Topics.SEAT_RELEASES, SeatsReleased.class,
                r -> r.quotaId().equals(quota), 1);
        assertThat(releases.get(0).seatIds()).hasSize(2);
        assertThat(data.tickets(quota)).isEmpty();
    }

    @Test
    void aSecondCancellationIsAConflictAndBadRequestsAreNamed() {
        UUID quota = UUID.fromString(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"twice@sponsor.example","holderName":"Tom Twice","matchIds":[1],
                         "sectors":["N1"],"quantity":1,"algorithm":"NM"}""")
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id"));
        cancel(quota, "UNFULFILLED_ONLY");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"ALL_UNUSED\"}").post("/api/admin/quotas/{id}/cancel", quota)
                .then().statusCode(409).body("violations[0].message", equalTo("already cancelled"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"EVERYTHING\"}").post("/api/admin/quotas/{id}/cancel", quota)
                .then().statusCode(400).body("violations[0].field", equalTo("scope"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"ALL_UNUSED\"}").post("/api/admin/quotas/{id}/cancel", UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"ALL_UNUSED\"}").post("/api/admin/quota-groups/{id}/cancel", UUID.randomUUID())
                .then().statusCode(404);
    }
}
