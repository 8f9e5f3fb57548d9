package com.stadium.quota.quotaservice.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.messaging.contract.SeatsSold;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.payment.CallbackSignature;
import com.stadium.quota.quotaservice.payment.PaymentCallbackResource;
import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.payment.RefundStatus;
import com.stadium.quota.quotaservice.quota.ClaimStep;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The three steps of a claim, on the real database, broker and Keycloak, with the sandbox as payment service. */
@QuarkusTest
class ClaimTest extends ClaimFixture {

    static final String CALLBACK_SECRET = "sandbox-local-secret";

    private ValidatableResponse payReturningTo(UUID quota, UUID claim, String returnUrl) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("returnUrl", returnUrl))
                .post("/api/holder/quotas/{q}/claims/{c}/payment", quota, claim).then();
    }

    private JsonPath cards(UUID quota) {
        return given().auth().oauth2(token).get("/api/holder/quotas/{q}", quota).then().statusCode(200).extract()
                .jsonPath();
    }

    private Map<String, Integer> counts(UUID quota) {
        return given().auth().oauth2(token).get("/api/holder/quotas/{q}", quota).then().statusCode(200).extract()
                .jsonPath().getMap("quota.ticketCounts");
    }

    private static ValidatableResponse callback(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(PaymentCallbackResource.SIGNATURE_HEADER, signature);
        }
        return request.post("/api/payments/callback").then();
    }

    private static String signed(String body) {
        return CallbackSignature.sign(CALLBACK_SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A claim of the first two tickets with attendees given, ready to pay (2 × 60.00 at 50 % = 60.00). */
    private UUID readyToPay(UUID quota) {
        List<UUID> tickets = ticketIds(quota);
        UUID claim = selected(quota, tickets.subList(0, 2));
        attendees(quota, claim, List.of(attendee(tickets.get(0), "Hanna Holder", email),
                attendee(tickets.get(1), "Gus Guest", "gus@friends.example"))).statusCode(200)
                .body("step", org.hamcrest.Matchers.equalTo("ATTENDEES_GIVEN"))
                .body("amountCents", org.hamcrest.Matchers.equalTo(6000));
        return claim;
    }

    @Test
    void selectAttendeesAndPaySellsTheTicketsAndTellsEveryone() {
        UUID quota = quota(4, 50);
        List<UUID> tickets = ticketIds(quota);

        JsonPath claim = select(quota, tickets.subList(0, 2)).statusCode(201).extract().jsonPath();
        assertThat(claim.getString("step")).isEqualTo("SELECTED");
        assertThat(Instant.parse(claim.getString("holdExpiresAt")))
                .isCloseTo(Instant.now().plus(15, ChronoUnit.MINUTES), within(1, ChronoUnit.MINUTES));
        assertThat(claim.getList("tickets.status")).containsOnly("RESERVED").hasSize(2);
        assertThat(counts(quota)).containsEntry("ALLOCATED", 2).containsEntry("RESERVED", 2);
        UUID claimId = UUID.fromString(claim.getString("id"));

        attendees(quota, claimId, List.of(attendee(tickets.get(0), "Hanna Holder", email),
                attendee(tickets.get(1), "Gus Guest", " GUS@friends.example"))).statusCode(200)
                .body("step", org.hamcrest.Matchers.equalTo("ATTENDEES_GIVEN"))
                .body("amountCents", org.hamcrest.Matchers.equalTo(6000));

        JsonPath payment = pay(quota, claimId).statusCode(200).extract().jsonPath();
        assertThat(payment.getString("step")).isEqualTo("PAYMENT_PENDING");
        String paymentId = payment.getString("paymentId");
        assertThat(payment.getString("paymentUrl")).endsWith("/sandbox/payments/" + paymentId);
        assertThat(pay(quota, claimId).statusCode(200).extract().<String>path("paymentId"))
                .as("asking again gives the same payment, never a second charge").isEqualTo(paymentId);

        given().post("/sandbox/payments/{p}/succeed", paymentId).then().statusCode(200);

        JsonPath detail = given().auth().oauth2(token).get("/api/holder/quotas/{q}", quota).then().statusCode(200)
                .extract().jsonPath();
        assertThat(detail.getMap("quota.ticketCounts")).containsEntry("SOLD", 2).containsEntry("ALLOCATED", 2);
        assertThat(detail.getList("tickets.findAll { it.status == 'SOLD' }.attendeeName"))
                .containsExactlyInAnyOrder("Hanna Holder", "Gus Guest");
        assertThat(detail.getList("tickets.findAll { it.status == 'SOLD' }.attendeeEmail"))
                .containsExactlyInAnyOrder(email, "gus@friends.example");
        assertThat(data.tickets(quota).stream().filter(t -> t.paidCents != null).map(t -> t.paidCents))
                .containsExactly(3000, 3000);
        assertThat(given().auth().oauth2(token).get("/api/holder/quotas/{q}/claims/{c}", quota, claimId)
                .then().statusCode(200).extract().<String>path("step")).isEqualTo("COMPLETED");

        List<NotificationRequested> confirmations = HeldQuotas.events(Topics.NOTIFICATION_REQUESTS,
                NotificationRequested.class, n -> n.kind() == NotificationKind.CLAIM_CONFIRMATION
                        && quota.toString().equals(n.quotaId()), 2, json);
        Map<String, Integer> ticketsPerRecipient = new java.util.HashMap<>();
        confirmations.forEach(n -> ticketsPerRecipient.put(n.recipientEmail(),
                ((Notice.ClaimConfirmation) n.notice()).tickets().size()));
        assertThat(ticketsPerRecipient).isEqualTo(Map.of(email, 2, "gus@friends.example", 1));

        List<SeatsSold> sold = HeldQuotas.events(Topics.SEAT_RELEASES, SeatsSold.class,
                s -> s.quotaId().equals(quota), 1, json);
        assertThat(sold.get(0).seatIds()).containsExactlyInAnyOrderElementsOf(data.tickets(quota).stream()
                .filter(t -> tickets.subList(0, 2).contains(t.id)).map(t -> t.seatId).toList());
        assertThat(HeldQuotas.events(Topics.QUOTA_EVENTS, QuotaChanged.class,
                q -> q.quotaId().equals(quota) && q.change().name().startsWith("CLAIM_"), 3, json))
                .extracting(QuotaChanged::change)
                .containsExactly(QuotaChanged.Change.CLAIM_STARTED, QuotaChanged.Change.CLAIM_ATTENDEES_GIVEN,
                        QuotaChanged.Change.CLAIM_COMPLETED);
        assertThat(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota).then()
                .extract().jsonPath().getList("audit.findAll { it.actor == '" + email + "' }.action"))
                .contains("CLAIM_STARTED", "CLAIM_ATTENDEES_GIVEN", "PAYMENT_STARTED");
    }

    @Test
    void aFailedPaymentReturnsTheTicketsAndRepeatedOrLateCallbacksChangeNothing() {
        UUID quota = quota(3, 50);
        UUID claim = readyToPay(quota);
        String paymentId = pay(quota, claim).statusCode(200).extract().path("paymentId");

        String failed = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"FAILED\"}";
        callback(failed, "00" + signed(failed).substring(2)).statusCode(401);
        callback(failed, null).statusCode(401);
        assertThat(counts(quota)).as("an unsigned callback changes nothing").containsEntry("RESERVED", 2);

        callback(failed, signed(failed)).statusCode(200);
        assertThat(counts(quota)).containsEntry("ALLOCATED", 3).containsEntry("RESERVED", 0);
        callback(failed, signed(failed)).statusCode(200);
        String paid = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"PAID\"}";
        callback(paid, signed(paid)).statusCode(200);
        assertThat(counts(quota)).as("a repeated or late answer changes nothing").containsEntry("ALLOCATED", 3)
                .containsEntry("SOLD", 0);
        assertThat(data.claim(claim).releasedBecause).isEqualTo("PAYMENT_FAILED");
        assertThat(data.tickets(quota)).allMatch(t -> t.claimId == null && t.attendeeName == null);

        String unknown = "{\"paymentId\":\"sbx_nobody\",\"status\":\"PAID\"}";
        callback(unknown, signed(unknown)).statusCode(404);
        String pending = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"PENDING\"}";
        callback(pending, signed(pending)).statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("status"));
        String garbage = "{\"paymentId\":";
        callback(garbage, signed(garbage)).statusCode(400);
    }

    @Test
    void aPaymentThatNeverAnswersTimesOutAndIsCancelledAtTheProvider() {
        UUID quota = quota(2, 50);
        UUID claim = readyToPay(quota);
        String paymentId = pay(quota, claim).statusCode(200).extract().path("paymentId");

        expiry.releaseLapsed(Instant.now());
        assertThat(data.claim(claim).step).as("before its deadline it waits").isEqualTo(ClaimStep.PAYMENT_PENDING);

        data.lapsePayment(claim);
        expiry.releaseLapsed(Instant.now());
        assertThat(data.claim(claim).step).isEqualTo(ClaimStep.RELEASED);
        assertThat(data.claim(claim).releasedBecause).isEqualTo("PAYMENT_TIMED_OUT");
        assertThat(counts(quota)).containsEntry("ALLOCATED", 2);
        assertThat(given().post("/sandbox/payments/{p}/succeed", paymentId).then().statusCode(200).extract()
                .asString()).as("the provider cancelled it, so the payer can no longer pay").contains("CANCELLED");
        assertThat(counts(quota)).containsEntry("SOLD", 0);
    }

    @Test
    void anOverduePaymentIsSettledByTheOneInstanceThatTookItsLease() {
        UUID quota = quota(2, 50);
        UUID claim = readyToPay(quota);
        String paymentId = pay(quota, claim).statusCode(200).extract().path("paymentId");
        data.lapsePayment(claim);
        Instant now = Instant.now();

        assertThat(expiry.takeForProvider(claim, now)).as("the first instance takes the overdue claim").isTrue();
        assertThat(expiry.takeForProvider(claim, now)).as("a second instance, at the same time, does not").isFalse();
        expiry.releaseLapsed(now);
        assertThat(data.claim(claim).step).as("a check while the other instance holds the lease leaves it alone")
                .isEqualTo(ClaimStep.PAYMENT_PENDING);
        assertThat(sandbox.status(paymentId)).isEqualTo(PaymentStatus.PENDING);

        // the taker crashed: once its lease ran out, any instance settles the claim
        expiry.releaseLapsed(now.plus(HoldExpiry.PROVIDER_LEASE).plusSeconds(1));
        assertThat(data.claim(claim).releasedBecause).isEqualTo("PAYMENT_TIMED_OUT");
        assertThat(sandbox.status(paymentId)).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void cancellingAQuotaEndsItsOpenClaimsAndKeepsWhatWasPaidMeanwhile() {
        UUID quota = quota(4, 50);
        List<UUID> tickets = ticketIds(quota);
        UUID unpaid = readyToPay(quota);
        String unpaidPayment = pay(quota, unpaid).statusCode(200).extract().path("paymentId");
        UUID paid = selected(quota, tickets.subList(2, 3));
        attendees(quota, paid, List.of(attendee(tickets.get(2), "Ann", "ann@friends.example"))).statusCode(200);
        String paidPayment = pay(quota, paid).statusCode(200).extract().path("paymentId");
        sandbox.answer(paidPayment, true); // paid at the provider; its callback has not arrived yet
        UUID open = selected(quota, tickets.subList(3, 4));

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"UNFULFILLED_ONLY\"}").post("/api/admin/quotas/{id}/cancel", quota)
                .then().statusCode(200);

        assertThat(data.claim(unpaid).releasedBecause).isEqualTo("QUOTA_CANCELLED");
        assertThat(sandbox.status(unpaidPayment)).as("nobody can pay for cancelled tickets any more")
                .isEqualTo(PaymentStatus.CANCELLED);
        assertThat(data.claim(open).releasedBecause).isEqualTo("QUOTA_CANCELLED");
        assertThat(data.claim(paid).step).isEqualTo(ClaimStep.COMPLETED);
        assertThat(data.tickets(quota)).filteredOn(t -> t.status == TicketStatus.SOLD).extracting(t -> t.id)
                .as("what was paid stays valid under 'unfulfilled only'").containsExactly(tickets.get(2));
        assertThat(data.tickets(quota)).filteredOn(t -> t.status == TicketStatus.CANCELLED).hasSize(3);
    }

    @Test
    void cancellingPaidTicketsRefundsThemThroughTheProviderOnce() {
        UUID quota = quota(3, 50);
        UUID claim = readyToPay(quota);
        String paymentId = pay(quota, claim).statusCode(200).extract().path("paymentId");
        given().post("/sandbox/payments/{p}/succeed", paymentId).then().statusCode(200);

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"ALL_UNUSED\"}").post("/api/admin/quotas/{id}/cancel", quota)
                .then().statusCode(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> data.refunds(quota).stream().allMatch(r -> r.status == RefundStatus.REFUNDED));
        assertThat(data.refunds(quota)).hasSize(2).allMatch(r -> paymentId.equals(r.paymentId))
                .extracting(r -> r.amountCents).containsExactly(3000, 3000);
        assertThat(sandbox.refunded(paymentId)).isEqualTo(6000);
        assertThat(sandbox.refund(paymentId, 3000, data.refunds(quota).get(0).id.toString()))
                .as("the same refund asked again is not paid twice").isTrue();
        assertThat(sandbox.refunded(paymentId)).isEqualTo(6000);
    }

    @Test
    void aLapsedHoldIsReleasedAndItsClaimCannotGoOn() {
        UUID quota = quota(2, 50);
        List<UUID> tickets = ticketIds(quota);
        UUID claim = selected(quota, tickets);
        data.lapseHold(claim);

        attendees(quota, claim, List.of(attendee(tickets.get(0), "Ann", "ann@friends.example"),
                attendee(tickets.get(1), "Bob", "bob@friends.example"))).statusCode(409)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("claim"))
                .body("violations[0].message", org.hamcrest.Matchers.startsWith("the hold on these tickets expired"));

        expiry.releaseLapsed(Instant.now());
        assertThat(counts(quota)).containsEntry("ALLOCATED", 2).containsEntry("RESERVED", 0);
        assertThat(data.claim(claim).releasedBecause).isEqualTo("HOLD_EXPIRED");
        attendees(quota, claim, List.of()).statusCode(409)
                .body("violations[0].message", org.hamcrest.Matchers.startsWith("the claim is released"));
        selected(quota, tickets);
    }

    @Test
    void freeTicketsAreConfirmedWithoutPayment() {
        UUID quota = quota(2, 100);
        List<UUID> tickets = ticketIds(quota);
        UUID claim = selected(quota, tickets.subList(0, 1));
        attendees(quota, claim, List.of(attendee(tickets.get(0), "Hanna Holder", email))).statusCode(200)
                .body("step", org.hamcrest.Matchers.equalTo("COMPLETED"))
                .body("amountCents", org.hamcrest.Matchers.equalTo(0));
        assertThat(counts(quota)).containsEntry("SOLD", 1).containsEntry("ALLOCATED", 1);
        pay(quota, claim).statusCode(409).body("violations[0].field", org.hamcrest.Matchers.equalTo("payment"));
        assertThat(data.tickets(quota).stream().filter(t -> t.id.equals(tickets.get(0))).map(t -> t.paidCents))
                .containsExactly(0);
    }

    @Test
    void eachStepValidatesItsInputAndRefusesToRunOutOfOrder() {
        UUID quota = quota(3, 50);
        List<UUID> tickets = ticketIds(quota);
        select(quota, List.of()).statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("ticketIds"));
        select(quota, List.of(tickets.get(0), tickets.get(0))).statusCode(400)
                .body("violations[0].message", org.hamcrest.Matchers.equalTo("ticket is selected twice"));
        select(quota, List.of(UUID.randomUUID())).statusCode(400)
                .body("violations[0].message", org.hamcrest.Matchers.equalTo("not a ticket of this quota"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"ticketIds\":[\"not-a-uuid\"]}")
                .post("/api/holder/quotas/{q}/claims", quota).then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("[1,2")
                .post("/api/holder/quotas/{q}/claims", quota).then().statusCode(400);

        UUID claim = selected(quota, tickets.subList(0, 2));
        pay(quota, claim).statusCode(409).body("violations[0].field", org.hamcrest.Matchers.equalTo("payment"))
                .body("current.quota.id", org.hamcrest.Matchers.equalTo(quota.toString()));
        attendees(quota, claim, List.of(attendee(tickets.get(0), "", "not-an-email"),
                attendee(tickets.get(2), "Ann", "ann@friends.example"))).statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("attendees[0].name", "attendees[0].email",
                        "attendees[1].ticketId", "attendees"));
        attendees(quota, claim, List.of(attendee(tickets.get(0), "Me", email),
                attendee(tickets.get(1), "Me Again", email.toUpperCase()))).statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("attendees[1].email"));
        assertThat(counts(quota)).as("refused steps change nothing").containsEntry("RESERVED", 2)
                .containsEntry("ALLOCATED", 1);

        given().auth().oauth2(token).delete("/api/holder/quotas/{q}/claims/{c}", quota, claim).then()
                .statusCode(200).body("step", org.hamcrest.Matchers.equalTo("RELEASED"))
                .body("releasedBecause", org.hamcrest.Matchers.equalTo("ABANDONED"));
        assertThat(counts(quota)).containsEntry("ALLOCATED", 3);
        given().auth().oauth2(token).delete("/api/holder/quotas/{q}/claims/{c}", quota, claim).then()
                .statusCode(409);
        given().auth().oauth2(token).get("/api/holder/quotas/{q}/claims/{c}", quota, UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void ticketsTakenMeanwhileAreAConflictCarryingTheCurrentState() {
        UUID quota = quota(3, 50);
        List<UUID> tickets = ticketIds(quota);
        selected(quota, tickets.subList(0, 2));
        JsonPath conflict = select(quota, tickets.subList(1, 3)).statusCode(409).extract().jsonPath();
        assertThat(conflict.getString("violations[0].message")).isEqualTo("ticket is RESERVED, not available");
        assertThat(conflict.getMap("current.quota.ticketCounts")).containsEntry("RESERVED", 2)
                .containsEntry("ALLOCATED", 1);
        assertThat(conflict.getList("current.tickets")).hasSize(3);
    }

    @Test
    void cardsShowTheHoldUntilThePaymentAndTheSandboxPageSendsThePayerBack() {
        UUID quota = quota(3, 50);
        UUID claim = readyToPay(quota);
        JsonPath held = cards(quota);
        assertThat(held.getList("tickets.findAll { it.status == 'RESERVED' }.holdExpiresAt", String.class))
                .hasSize(2).allSatisfy(at -> assertThat(Instant.parse(at))
                        .isEqualTo(data.claim(claim).holdExpiresAt.truncatedTo(ChronoUnit.MICROS)));
        assertThat(held.getList("tickets.findAll { it.status == 'RESERVED' }.claimStep"))
                .containsOnly("ATTENDEES_GIVEN");
        List<Map<String, Object>> free = held.getList("tickets.findAll { it.status == 'ALLOCATED' }");
        assertThat(free).hasSize(1);
        assertThat(free.get(0)).containsEntry("holdExpiresAt", null).containsEntry("claimStep", null);

        String returnUrl = "http://127.0.0.1:28080/holder/quotas/" + quota + "?step=3";
        String paymentId = payReturningTo(quota, claim, returnUrl).statusCode(200).extract().path("paymentId");
        assertThat(payReturningTo(quota, claim, "http://127.0.0.1:28090/elsewhere").statusCode(200).extract()
                .<String>path("paymentId")).as("asked again: the same payment").isEqualTo(paymentId);
        assertThat(data.claim(claim).returnUrl).as("the first return address stays").isEqualTo(returnUrl);
        assertThat(sandbox.find(paymentId).order().returnUrl()).isEqualTo(returnUrl);
        JsonPath paying = cards(quota);
        assertThat(paying.getList("tickets.findAll { it.status == 'RESERVED' }.claimStep"))
                .containsOnly("PAYMENT_PENDING");
        assertThat(paying.getList("tickets.findAll { it.status == 'RESERVED' }.holdExpiresAt"))
                .as("a pending payment waits for the provider, not for the hold").containsOnlyNulls();

        String page = given().get("/sandbox/payments/{p}", paymentId).then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertThat(page).contains("<html lang=\"en\">", "name=\"viewport\"", "<h1>Sandbox payment</h1>",
                "<strong>60.00 EUR</strong>", ">Pay 60.00 EUR</button>", ">Decline</button>",
                "action=\"" + paymentId + "/pay\"", "action=\"" + paymentId + "/decline\"");

        given().redirects().follow(false).contentType(ContentType.URLENC).post("/sandbox/payments/{p}/pay", paymentId)
                .then().statusCode(303).header("Location", returnUrl + "&payment=paid");
        assertThat(data.claim(claim).step).isEqualTo(ClaimStep.COMPLETED);
        JsonPath sold = cards(quota);
        assertThat(sold.getList("tickets.findAll { it.status == 'SOLD' }.claimStep")).hasSize(2)
                .containsOnly("COMPLETED");
        assertThat(sold.getList("tickets.findAll { it.status == 'SOLD' }.holdExpiresAt")).containsOnlyNulls();
    }

    @Test
    void aReturnUrlOutsideTheAllowedPrefixesIsRefusedAndADeclineGoesBackToo() {
        UUID quota = quota(2, 50);
        UUID claim = readyToPay(quota);
        for (String foreign : List.of("https://evil.example/pay", "http://127.0.0.1:28080.evil.example/",
                "http://localhost:28080@evil.example/", "javascript:alert(1)", "//evil.example/", "stadium quota://x",
                "http://127.0.0.1:28080/\\evil.example")) {
            payReturningTo(quota, claim, foreign).statusCode(400)
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo("returnUrl"));
        }
        assertThat(data.claim(claim).step).as("no payment was started").isEqualTo(ClaimStep.ATTENDEES_GIVEN);

        String paymentId = payReturningTo(quota, claim, "stadiumquota://claims/" + claim + "#done").statusCode(200)
                .extract().path("paymentId");
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .post("/sandbox/payments/{p}/decline", paymentId).then().statusCode(303)
                .header("Location", "stadiumquota://claims/" + claim + "?payment=declined#done");
        assertThat(data.claim(claim).step).isEqualTo(ClaimStep.RELEASED);
        assertThat(data.claim(claim).releasedBecause).isEqualTo("PAYMENT_FAILED");
        given().post("/sandbox/payments/{p}/succeed", paymentId).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("FAILED"));
    }
}
