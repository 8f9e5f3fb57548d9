package com.stadium.quota.quotaservice.subquota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.invitation.Invitations;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** A holder passes tickets on; the sub-recipient gets their own link and claims; the holder takes tickets back. */
@QuarkusTest
class SubquotaTest {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @Inject
    Invitations invitations;

    String holder;
    String holderToken;
    String guest;
    String guestToken;

    @BeforeEach
    void people() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        holder = HeldQuotas.uniqueEmail("delegator");
        holderToken = Tokens.holder(holder);
        guest = HeldQuotas.uniqueEmail("guest");
        guestToken = Tokens.holder(guest);
    }

    private ValidatableResponse passOn(String token, UUID quota, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/holder/quotas/{q}/subquotas", quota).then();
    }

    private ValidatableResponse preview(String token, UUID quota, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/holder/quotas/{q}/subquotas/preview", quota).then();
    }

    private Map<String, Object> toGuest(int tickets) {
        return Map.of("recipientEmail", guest, "recipientName", "Gus Guest", "tickets", tickets,
                "personalMessage", "Enjoy the match!");
    }

    private ValidatableResponse retract(UUID quota, UUID subquota) {
        return given().auth().oauth2(holderToken)
                .post("/api/holder/quotas/{q}/subquotas/{s}/retraction", quota, subquota).then();
    }

    @Test
    void theRecipientGetsTheirOwnLinkAndSeesTicketsThatSitTogether() {
        UUID quota = HeldQuotas.allocated(holder, 5, 50, true, true, json);
        JsonPath sub = passOn(holderToken, quota, toGuest(3)).statusCode(201).extract().jsonPath();
        UUID subquota = UUID.fromString(sub.getString("quota.id"));
        assertThat(sub.getBoolean("quota.received")).isTrue();
        assertThat(sub.getMap("quota.permissions")).isEqualTo(Map.of("claim", true, "delegate", false,
                "transferable", true, "reassign", true));
        List<Long> seats = data.tickets(subquota).stream().map(t -> t.seatId).sorted().toList();
        assertThat(seats).hasSize(3);
        assertThat(seats.get(2) - seats.get(0)).as("three neighbouring seats").isEqualTo(2);

        JsonPath parent = given().auth().oauth2(holderToken).get("/api/holder/quotas/{q}", quota).then()
                .statusCode(200).extract().jsonPath();
        assertThat(parent.getMap("quota.ticketCounts")).containsEntry("ALLOCATED", 2);
        assertThat(parent.getString("quota.subquotas[0].recipientEmail")).isEqualTo(guest);
        assertThat(parent.getMap("quota.subquotas[0].ticketCounts")).containsEntry("ALLOCATED", 3);

        List<Map<String, Object>> guestQuotas = given().auth().oauth2(guestToken).get("/api/holder/quotas").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(guestQuotas).extracting(q -> q.get("id")).containsExactly(subquota.toString());
        given().auth().oauth2(guestToken).get("/api/holder/quotas/{q}", quota).then().statusCode(404);

        NotificationRequested invitation = HeldQuotas.events(Topics.NOTIFICATION_REQUESTS,
                NotificationRequested.class, n -> n.recipientEmail().equals(guest), 1, json).get(0);
        Notice.SubquotaInvitation notice = (Notice.SubquotaInvitation) invitation.notice();
        assertThat(notice.senderName()).isEqualTo("Hanna Holder");
        assertThat(notice.ticketCount()).isEqualTo(3);
        assertThat(notice.personalMessage()).isEqualTo("Enjoy the match!");
        assertThat(invitations.open(notice.deeplinkToken()))
                .as("the recipient's link opens the subquota").hasValueSatisfying(i -> assertThat(i.quotaId)
                        .isEqualTo(subquota));

        UUID claim = UUID.fromString(given().auth().oauth2(guestToken).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(data.tickets(subquota).get(0).id)))
                .post("/api/holder/quotas/{q}/claims", subquota).then().statusCode(201).extract().path("id"));
        assertThat(claim).isNotNull();
        passOn(guestToken, subquota, Map.of("recipientEmail", "third@friends.example", "recipientName", "Third",
                "tickets", 1)).statusCode(400).body("violations[0].message",
                        equalTo("tickets received from someone else cannot be passed on again"));
    }

    @Test
    void chosenTicketsArePassedOnAndOnesInAClaimAreAConflict() {
        UUID quota = HeldQuotas.allocated(holder, 4, 50, true, false, json);
        List<UUID> ids = data.tickets(quota).stream().map(t -> t.id).toList();
        given().auth().oauth2(holderToken).contentType(ContentType.JSON).body(Map.of("ticketIds", List.of(ids.get(0))))
                .post("/api/holder/quotas/{q}/claims", quota).then().statusCode(201);

        passOn(holderToken, quota, Map.of("recipientEmail", guest, "recipientName", "Gus",
                "ticketIds", List.of(ids.get(0), ids.get(1)))).statusCode(409)
                .body("violations[0].value", equalTo(ids.get(0).toString()))
                .body("current.quota.ticketCounts.RESERVED", equalTo(1));
        UUID sub = UUID.fromString(passOn(holderToken, quota, Map.of("recipientEmail", guest, "recipientName",
                "Gus", "ticketIds", List.of(ids.get(3), ids.get(1)))).statusCode(201).extract().path("quota.id"));
        assertThat(data.tickets(sub)).extracting(t -> t.id).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
        assertThat(data.tickets(sub)).extracting(t -> t.status.name()).containsOnly("ALLOCATED");
        passOn(holderToken, quota, Map.of("recipientEmail", "late@friends.example", "recipientName", "Late",
                "ticketIds", List.of(ids.get(1)))).statusCode(409)
                .body("violations[0].value", equalTo(ids.get(1).toString()));
    }

    @Test
    void theRulesOfPassingOnAreEnforcedWithTheFieldNamed() {
        UUID quota = HeldQuotas.allocated(holder, 2, 50, true, false, json);
        passOn(holderToken, quota, Map.of("recipientEmail", " " + holder.toUpperCase(), "recipientName", "Me",
                "tickets", 1)).statusCode(400).body("violations[0].field", equalTo("recipientEmail"))
                .body("violations[0].message", equalTo("these tickets are yours already: claim them directly"));
        passOn(holderToken, quota, Map.of("recipientEmail", "nope", "recipientName", "", "tickets", 0))
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("recipientEmail",
                        "recipientName", "tickets"));
        passOn(holderToken, quota, Map.of("recipientEmail", guest, "recipientName", "Gus", "tickets", 1,
                "ticketIds", List.of())).statusCode(400).body("violations[0].field", equalTo("tickets"));
        passOn(holderToken, quota, toGuest(3)).statusCode(409)
                .body("violations[0].message", equalTo("only 2 tickets are unclaimed and free to pass on"));
        given().auth().oauth2(holderToken).contentType(ContentType.JSON).body("{}")
                .post("/api/holder/quotas/{q}/subquotas", quota).then().statusCode(400);

        UUID noDelegate = HeldQuotas.allocated(holder, 2, 50, false, false, json);
        passOn(holderToken, noDelegate, toGuest(1)).statusCode(400)
                .body("violations[0].message", equalTo("this quota does not allow passing tickets on"));
        assertThat(data.tickets(quota)).as("refusals move nothing").hasSize(2);
    }

    @Test
    void retractionTakesBackUnclaimedTicketsAndLeavesClaimedOnesWithTheRecipient() {
        UUID quota = HeldQuotas.allocated(holder, 4, 50, true, false, json);
        UUID sub = UUID.fromString(passOn(holderToken, quota, toGuest(3)).statusCode(201).extract()
                .path("quota.id"));
        Ticket claimed = data.tickets(sub).get(0);
        given().auth().oauth2(guestToken).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(claimed.id)))
                .post("/api/holder/quotas/{q}/claims", sub).then().statusCode(201);

        given().auth().oauth2(guestToken).post("/api/holder/quotas/{q}/subquotas/{s}/retraction", quota, sub)
                .then().statusCode(404);
        JsonPath parent = retract(quota, sub).statusCode(200).extract().jsonPath();
        assertThat(parent.getMap("quota.ticketCounts")).containsEntry("ALLOCATED", 3);
        assertThat(parent.getMap("quota.subquotas[0].ticketCounts")).containsEntry("RESERVED", 1)
                .containsEntry("ALLOCATED", 0);
        assertThat(data.tickets(sub)).extracting(t -> t.id).containsExactly(claimed.id);

        NotificationRequested told = HeldQuotas.events(Topics.NOTIFICATION_REQUESTS, NotificationRequested.class,
                n -> n.recipientEmail().equals(guest) && n.kind() == NotificationKind.SUBQUOTA_RETRACTED, 1, json)
                .get(0);
        assertThat(told.notice()).isEqualTo(new Notice.SubquotaRetracted("Hanna Holder",
                ((Notice.SubquotaRetracted) told.notice()).matches(), 2));
        assertThat(told.notice().unclaimed()).isZero();
        retract(quota, sub).statusCode(409).body("violations[0].field", equalTo("subquota"));
        retract(quota, UUID.randomUUID()).statusCode(404);
    }

    @Test
    void aSubquotaRetractedWhollyIsClosedAndItsLinkStopsWorking() {
        UUID quota = HeldQuotas.allocated(holder, 2, 50, true, false, json);
        UUID sub = UUID.fromString(passOn(holderToken, quota, toGuest(2)).statusCode(201).extract()
                .path("quota.id"));
        String link = HeldQuotas.events(Topics.NOTIFICATION_REQUESTS, NotificationRequested.class,
                n -> sub.toString().equals(n.quotaId()), 1, json).get(0).notice() instanceof Notice.SubquotaInvitation i
                        ? i.deeplinkToken() : null;

        retract(quota, sub).statusCode(200).body("quota.ticketCounts.ALLOCATED", equalTo(2))
                .body("quota.subquotas[0].state", equalTo("CANCELLED"));
        assertThat(invitations.open(link)).isEmpty();
        assertThat(given().auth().oauth2(guestToken).get("/api/holder/quotas").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.state != 'CANCELLED' }")).isEmpty();
    }

    @Test
    void aPreviewShowsExactlyWhatTheCreateThenPassesOnAndWritesNothing() {
        UUID quota = HeldQuotas.allocated(holder, 6, 50, true, false, json);
        List<UUID> ids = data.tickets(quota).stream().map(t -> t.id).toList();
        given().auth().oauth2(holderToken).contentType(ContentType.JSON).body(Map.of("ticketIds", List.of(ids.get(2))))
                .post("/api/holder/quotas/{q}/claims", quota).then().statusCode(201);
        List<String> before = data.tickets(quota).stream().map(t -> t.id + ":" + t.quotaId + ":" + t.status).toList();
        long outboxBefore = data.outboxMentioning(quota.toString()) + data.outboxMentioning(guest);

        JsonPath preview = preview(holderToken, quota, Map.of("recipientEmail", " " + guest.toUpperCase(),
                "recipientName", " Gus Guest ", "tickets", 3)).statusCode(200).extract().jsonPath();
        assertThat(preview.getString("recipientEmail")).isEqualTo(guest);
        assertThat(preview.getString("recipientName")).isEqualTo("Gus Guest");
        assertThat(preview.getList("tickets.status", String.class)).containsOnly("ALLOCATED").hasSize(3);
        assertThat(preview.getList("tickets.priceCents", Integer.class)).containsOnly(3000);
        List<String> shown = preview.getList("tickets.id", String.class);

        assertThat(data.tickets(quota).stream().map(t -> t.id + ":" + t.quotaId + ":" + t.status).toList())
                .as("a preview moves nothing").isEqualTo(before);
        assertThat(data.outboxMentioning(quota.toString()) + data.outboxMentioning(guest))
                .as("a preview announces and mails nothing").isEqualTo(outboxBefore);
        assertThat(given().auth().oauth2(holderToken).get("/api/holder/quotas/{q}", quota).then().statusCode(200)
                .extract().jsonPath().getList("quota.subquotas")).isEmpty();
        assertThat(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota).then()
                .extract().jsonPath().getList("audit.action")).doesNotContain("SUBQUOTA_CREATED");

        UUID sub = UUID.fromString(passOn(holderToken, quota, toGuest(3)).statusCode(201).extract()
                .path("quota.id"));
        assertThat(data.tickets(sub)).extracting(t -> t.id.toString())
                .as("the same body passes on exactly the previewed tickets").containsExactlyInAnyOrderElementsOf(shown);

        List<String> left = data.tickets(quota).stream().filter(t -> t.status.name().equals("ALLOCATED"))
                .map(t -> t.id.toString()).toList();
        List<String> chosen = List.of(left.get(1), left.get(0));
        assertThat(preview(holderToken, quota, Map.of("recipientEmail", "ann@friends.example", "recipientName",
                "Ann", "ticketIds", chosen)).statusCode(200).extract().jsonPath().getList("tickets.id", String.class))
                .containsExactlyInAnyOrderElementsOf(chosen);
    }

    @Test
    void aPreviewIsRefusedAsTheCreateWouldBe() {
        UUID quota = HeldQuotas.allocated(holder, 2, 50, true, false, json);
        preview(holderToken, quota, Map.of("recipientEmail", holder.toUpperCase(), "recipientName", "Me",
                "tickets", 1)).statusCode(400).body("violations[0].field", equalTo("recipientEmail"))
                .body("violations[0].message", equalTo("these tickets are yours already: claim them directly"));
        preview(holderToken, quota, Map.of("recipientEmail", "nope", "recipientName", "", "tickets", 0))
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.contains("recipientEmail",
                        "recipientName", "tickets"));
        preview(holderToken, quota, toGuest(3)).statusCode(409)
                .body("violations[0].message", equalTo("only 2 tickets are unclaimed and free to pass on"))
                .body("current.quota.id", equalTo(quota.toString()));
        given().auth().oauth2(holderToken).contentType(ContentType.JSON).body("null")
                .post("/api/holder/quotas/{q}/subquotas/preview", quota).then().statusCode(400)
                .body("violations[0].field", equalTo("body"));
        UUID noDelegate = HeldQuotas.allocated(holder, 2, 50, false, false, json);
        preview(holderToken, noDelegate, toGuest(1)).statusCode(400)
                .body("violations[0].message", equalTo("this quota does not allow passing tickets on"));
        preview(guestToken, quota, toGuest(1)).statusCode(404);
        assertThat(data.outboxMentioning(guest)).as("refused previews write nothing either").isZero();
    }
}
