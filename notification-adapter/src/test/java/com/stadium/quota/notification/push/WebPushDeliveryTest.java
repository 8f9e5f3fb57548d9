package com.stadium.quota.notification.push;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Web Push end to end without the internet: the test is the browser (its keys, its subscription through the device
 * API) and the push service (an HTTP server on this machine) that checks the VAPID token and decrypts the push.
 */
@QuarkusTest
class WebPushDeliveryTest {

    private static final String PORTAL = "http://127.0.0.1:8080";
    private static PushServiceStandIn pushService;

    @BeforeAll
    static void startPushService() throws IOException {
        pushService = new PushServiceStandIn();
    }

    @AfterAll
    static void stopPushService() {
        pushService.close();
    }

    /** A holder of their own (so no other test's devices get these pushes) with this browser registered. */
    private record Subscribed(String email, String accessToken, String deviceToken) {
    }

    private static Subscribed subscribe(TestBrowser browser, String endpointId) {
        String email = "webpush-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
        String accessToken = Tokens.holder(email);
        String deviceToken = given().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("platform", "WEB", "subscription", Map.of("endpoint", pushService.endpoint(endpointId),
                        "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.auth()))))
                .post("/api/devices").then().statusCode(200).extract().path("token");
        return new Subscribed(email, accessToken, deviceToken);
    }

    private static UUID claimConfirmed(String email, String quotaId) {
        return Requests.send(Requests.request(new Notice.ClaimConfirmation(List.of(new Notice.Ticket("FCX-0001-A",
                "FC Example v Rovers", Requests.KICKOFF, "W1", "3", "12", "Ada Sponsor")), null), email, "Ada Sponsor",
                "en", quotaId));
    }

    private static List<PushServiceStandIn.Received> awaitPushes(String endpointId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pushService.received(endpointId).size() >= count);
        return pushService.received(endpointId);
    }

    private static PushDelivery delivery(String deviceToken) {
        return QuarkusTransaction.requiringNew().call(() -> PushDelivery.<PushDelivery>find("deviceToken",
                deviceToken).singleResult());
    }

    private static boolean registered(String deviceToken) {
        return QuarkusTransaction.requiringNew().call(() -> Device.findById(deviceToken) != null);
    }

    @Test
    void aClaimConfirmationReachesTheBrowserSignedForThePushServiceAndReadableOnlyByTheBrowser() throws Exception {
        TestBrowser browser = TestBrowser.create();
        String endpointId = UUID.randomUUID().toString();
        Subscribed holder = subscribe(browser, endpointId);
        String quotaId = "q-" + UUID.randomUUID();

        UUID notificationId = claimConfirmed(holder.email(), quotaId);

        PushServiceStandIn.Received push = awaitPushes(endpointId, 1).get(0);
        assertThat(push.method()).isEqualTo("POST");
        assertThat(push.contentEncoding()).isEqualTo("aes128gcm");
        assertThat(push.ttl()).isEqualTo("86400");
        VapidToken vapid = VapidToken.verify(push.authorization());
        assertThat(vapid.key()).isEqualTo(WebPushRequestsTest.PUBLIC_KEY);
        assertThat(vapid.claims().path("aud").asText()).isEqualTo(pushService.origin());
        assertThat(vapid.claims().path("sub").asText()).isEqualTo("mailto:tickets@club.example");
        long now = Instant.now().getEpochSecond();
        assertThat(vapid.claims().path("exp").asLong()).isGreaterThan(now).isLessThanOrEqualTo(now + 24 * 3600);

        JsonNode payload = Requests.JSON.readTree(browser.decrypt(push.body()));
        assertThat(payload.path("kind").asText()).isEqualTo("CLAIM_CONFIRMATION");
        assertThat(payload.path("title").asText()).isEqualTo("Claim confirmed");
        assertThat(payload.path("body").asText()).isEqualTo("Your tickets are confirmed");
        assertThat(payload.path("url").asText()).isEqualTo(PORTAL + "/app/quotas/" + quotaId);
        assertThat(payload.path("quotaId").asText()).isEqualTo(quotaId);
        assertThat(payload.path("notificationId").asText()).isEqualTo(notificationId.toString());
        assertThat(payload.toString()).doesNotContain("FCX-0001-A");
    }

    @Test
    void aSubscriptionThePushServiceSaysIsGoneIsForgotten() {
        TestBrowser browser = TestBrowser.create();
        String endpointId = UUID.randomUUID().toString();
        Subscribed holder = subscribe(browser, endpointId);
        pushService.answer(endpointId, 410);

        claimConfirmed(holder.email(), "q-" + UUID.randomUUID());

        awaitPushes(endpointId, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !registered(holder.deviceToken()));
        given().auth().oauth2(holder.accessToken()).delete("/api/devices/{token}", holder.deviceToken())
                .then().statusCode(404);
        UUID next = claimConfirmed(holder.email(), "q-" + UUID.randomUUID());
        Requests.awaitStatus(next, "SENT");
        assertThat(pushService.received(endpointId)).hasSize(1);
    }

    @Test
    void aPushTheServiceCouldNotTakeIsTriedAgainAndTheSubscriptionKept() throws Exception {
        TestBrowser browser = TestBrowser.create();
        String endpointId = UUID.randomUUID().toString();
        Subscribed holder = subscribe(browser, endpointId);
        pushService.answer(endpointId, 503, 500);

        claimConfirmed(holder.email(), "q-" + UUID.randomUUID());

        List<PushServiceStandIn.Received> pushes = awaitPushes(endpointId, 3);
        assertThat(Requests.JSON.readTree(browser.decrypt(pushes.get(2).body())).path("kind").asText())
                .isEqualTo("CLAIM_CONFIRMATION");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(delivery(holder.deviceToken()))
                .extracting(push -> push.status, push -> push.delivery.attempts, push -> push.delivery.lastError)
                .containsExactly(PushDelivery.Status.SENT, 3, null));
        assertThat(registered(holder.deviceToken())).isTrue();
    }
}
