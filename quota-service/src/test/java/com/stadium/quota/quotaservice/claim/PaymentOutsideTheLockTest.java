package com.stadium.quota.quotaservice.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.quota.ClaimStep;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The payment service is asked only after the claim's transaction committed (PAYMENT_PENDING), never while the
 * quota's row is locked: a slow provider holds up only the payer, and a failed start can be retried or runs out.
 */
@QuarkusTest
class PaymentOutsideTheLockTest extends ClaimFixture {

    static final Duration SLOW = Duration.ofSeconds(4);

    @AfterEach
    void fastAgain() {
        sandbox.delayStarts(Duration.ZERO);
    }

    private UUID claimWithAttendee(UUID quota, UUID ticket) {
        UUID claim = selected(quota, List.of(ticket));
        attendees(quota, claim, List.of(attendee(ticket, "Pia Payer", email))).statusCode(200);
        return claim;
    }

    @Test
    void aSlowPaymentServiceDoesNotHoldUpAnotherChangeToTheSameQuota() throws Exception {
        UUID quota = quota(3, 50);
        List<UUID> tickets = ticketIds(quota);
        UUID paying = claimWithAttendee(quota, tickets.get(0));
        sandbox.delayStarts(SLOW);

        CompletableFuture<ValidatableResponse> payment = CompletableFuture.supplyAsync(() -> pay(quota, paying));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.startsInProgress() == 1);
        assertThat(data.claim(paying).step).as("committed before the provider is asked")
                .isEqualTo(ClaimStep.PAYMENT_PENDING);

        Instant before = Instant.now();
        select(quota, List.of(tickets.get(1))).statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("recipientEmail",
                "guest@friends.example", "recipientName", "Gus Guest", "ticketIds", List.of(tickets.get(2))))
                .post("/api/holder/quotas/{q}/subquotas", quota).then().statusCode(201);
        Duration took = Duration.between(before, Instant.now());

        assertThat(payment).as("the payment start is still waiting for the provider").isNotDone();
        assertThat(took).as("a claim and a subquota on the same quota meanwhile").isLessThan(SLOW);
        String paymentId = payment.get().statusCode(200).extract().path("paymentId");
        assertThat(paymentId).startsWith("sbx_").isEqualTo(data.claim(paying).paymentId);
    }

    @Test
    void aStartThatFailedIsRetriedIntoTheSamePaymentOrRunsOut() {
        UUID quota = quota(2, 50);
        List<UUID> tickets = ticketIds(quota);

        UUID retried = claimWithAttendee(quota, tickets.get(0));
        sandbox.failNextStart();
        pay(quota, retried).statusCode(503);
        assertThat(data.claim(retried).step).isEqualTo(ClaimStep.PAYMENT_PENDING);
        assertThat(data.claim(retried).paymentId).isNull();
        String first = pay(quota, retried).statusCode(200).extract().path("paymentId");
        assertThat(pay(quota, retried).statusCode(200).extract().<String>path("paymentId"))
                .as("the idempotency key keeps a repeated start single").isEqualTo(first);

        UUID abandonedStart = claimWithAttendee(quota, tickets.get(1));
        sandbox.failNextStart();
        pay(quota, abandonedStart).statusCode(503);
        data.lapsePayment(abandonedStart);
        expiry.releaseLapsed(Instant.now());
        assertThat(data.claim(abandonedStart).step).isEqualTo(ClaimStep.RELEASED);
        assertThat(data.claim(abandonedStart).releasedBecause).isEqualTo("PAYMENT_TIMED_OUT");
        assertThat(data.tickets(quota).stream().filter(t -> t.id.equals(tickets.get(1))).findFirst().orElseThrow()
                .status.name()).isEqualTo("ALLOCATED");
        assertThat(sandbox.status(first)).as("the other claim's payment is untouched")
                .isEqualTo(PaymentStatus.PENDING);
    }
}
