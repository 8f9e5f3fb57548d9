package com.stadium.quota.notification.push;

import static com.stadium.quota.notification.Requests.invitation;
import static com.stadium.quota.notification.Requests.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;

/**
 * The app registers phones and browsers; mailed messages are pushed to them (to phones through the recording
 * provider of the native app). Browser pushes end to end: {@link WebPushDeliveryTest}.
 */
@QuarkusTest
class DeviceResourceTest {

    /** The demo holder's email claim (infra/keycloak/quota-realm.json). */
    private static final String HOLDER_EMAIL = "holder@club.example";
    private static final String PORTAL = "http://127.0.0.1:8080";

    @Inject
    @Identifier(RecordingPushProvider.NAME)
    RecordingPushProvider pushes;

    private static String newDeviceToken() {
        return "fcm:" + UUID.randomUUID();
    }

    private static void register(String token) {
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON)
                .body(Map.of("token", token, "platform", "ANDROID"))
                .post("/api/devices")
                .then().statusCode(200).body("email", equalTo(HOLDER_EMAIL)).body("platform", equalTo("ANDROID"));
    }

    private static UUID invite(String quotaId, String deeplinkToken) {
        // the address as another service may spell it: devices match it case-insensitively
        return Requests.send(request(NotificationKind.QUOTA_INVITATION, "Holder@Club.Example", "Hannah Holder",
                quotaId, invitation(deeplinkToken, Instant.now().plus(Duration.ofDays(10)), Map.of())));
    }

    @Test
    void aRegisteredPhoneGetsAPushForEachMailedInvitationWithoutTheDeeplinkToken() {
        String device = newDeviceToken();
        register(device);
        String quotaId = "q-push-" + UUID.randomUUID();
        String secret = "secret-" + UUID.randomUUID();
        UUID id = invite(quotaId, secret);

        await().atMost(Duration.ofSeconds(30)).until(() -> pushes.sentTo(device).size() == 1);
        PushMessage push = pushes.sentTo(device).get(0);
        assertThat(push.title()).isEqualTo("Tickets for you");
        assertThat(push.body()).isEqualTo("Your tickets from FC Example");
        assertThat(push.platform()).isEqualTo(Platform.ANDROID);
        assertThat(push.data()).containsEntry("kind", "QUOTA_INVITATION").containsEntry("quotaId", quotaId)
                .containsEntry("notificationId", id.toString())
                .containsEntry("url", PORTAL + "/app/quotas/" + quotaId);
        assertThat(push.data().values()).noneMatch(value -> value.contains(secret));
    }

    @Test
    void aTestMessageIsMailedButNotPushed() {
        String device = newDeviceToken();
        register(device);
        UUID id = Requests.send(Requests.request(new Notice.TestMessage(null), HOLDER_EMAIL, "Hannah", "en", null));
        Requests.awaitStatus(id, "SENT");
        assertThat(pushes.sentTo(device)).isEmpty();
    }

    @Test
    void anUnregisteredPhoneGetsNoMorePushes() {
        String device = newDeviceToken();
        register(device);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).delete("/api/devices/{token}", device)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).delete("/api/devices/{token}", device)
                .then().statusCode(404);

        UUID id = invite("q-push-" + UUID.randomUUID(), "t-" + UUID.randomUUID());
        Requests.awaitStatus(id, "SENT");
        assertThat(pushes.sentTo(device)).isEmpty();
    }

    @Test
    void devicesAreRegisteredByHoldersOnly() {
        Map<String, String> body = Map.of("token", newDeviceToken(), "platform", "IOS");
        given().contentType(ContentType.JSON).body(body).post("/api/devices").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/devices").then().statusCode(403);
        given().delete("/api/devices/{token}", "any").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).delete("/api/devices/{token}", "any").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON)
                .body(Map.of("token", " ", "platform", "IOS")).post("/api/devices").then().statusCode(400);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON)
                .body(Map.of("token", newDeviceToken(), "platform", "WINDOWS_PHONE")).post("/api/devices")
                .then().statusCode(400);
    }

    /** A browser's registration; endpoints under .invalid never resolve: no push leaves this machine. */
    private static Map<String, Object> browser(String endpoint, String p256dh, String auth) {
        return Map.of("platform", "WEB", "subscription", Map.of("endpoint", endpoint, "expirationTime", "null",
                "keys", Map.of("p256dh", p256dh, "auth", auth)));
    }

    @Test
    void aBrowserRegistersItsSubscriptionAndGetsATokenToUnregisterWith() {
        TestBrowser browser = TestBrowser.create();
        String endpoint = "https://push.service.invalid/send/" + UUID.randomUUID();
        String token = given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON)
                .body(browser(endpoint, browser.p256dh(), browser.auth())).post("/api/devices")
                .then().statusCode(200).body("platform", equalTo("WEB")).body("email", equalTo(HOLDER_EMAIL))
                .body("token", startsWith("web-")).extract().path("token");
        // the same browser again (new keys after a resubscription): the same device
        TestBrowser resubscribed = TestBrowser.create();
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON)
                .body(browser(endpoint, resubscribed.p256dh(), resubscribed.auth())).post("/api/devices")
                .then().statusCode(200).body("token", equalTo(token));

        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).delete("/api/devices/{token}", token).then().statusCode(204);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).delete("/api/devices/{token}", token).then().statusCode(404);
    }

    @Test
    void aBrowserSubscriptionThatCannotBeUsedIsRefusedNamingTheField() {
        TestBrowser browser = TestBrowser.create();
        String endpoint = "https://push.service.invalid/send/" + UUID.randomUUID();
        refused(browser("https://10.0.0.8/push", browser.p256dh(), browser.auth()), "subscription.endpoint",
                "must be a push service on the internet, not a loopback or private address");
        refused(browser("ftp://push.service.invalid/x", browser.p256dh(), browser.auth()), "subscription.endpoint",
                "must be an https URL of a push service");
        refused(browser(endpoint, browser.p256dh().substring(0, 43), browser.auth()), "subscription.keys.p256dh",
                "must be an uncompressed P-256 public key: 65 bytes (87 base64url characters), not 32");
        refused(browser(endpoint, browser.p256dh(), "c2hvcnQ"), "subscription.keys.auth",
                "must be 16 bytes (22 base64url characters), not 5");
        refused(Map.of("platform", "WEB"), "subscription",
                "is missing: the browser's push subscription (endpoint, keys)");
        refused(Map.of("platform", "WEB", "token", "fcm:x", "subscription", Map.of("endpoint", endpoint)), "token",
                "is for IOS and ANDROID: a browser sends its subscription");
        refused(Map.of("platform", "IOS", "subscription", Map.of("endpoint", endpoint)), "token",
                "is missing: the push service's token of the app on this phone");
    }

    private static void refused(Map<String, Object> body, String field, String reason) {
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(400).body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", equalTo(reason));
    }

    @Test
    void theWebPushKeyAndBrowserRegistrationAreForHoldersOnly() {
        given().get("/api/devices/web-push").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/devices/web-push").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/devices/web-push").then().statusCode(200)
                .body("publicKey", equalTo(WebPushRequestsTest.PUBLIC_KEY));

        TestBrowser browser = TestBrowser.create();
        Map<String, Object> body = browser("https://push.service.invalid/send/" + UUID.randomUUID(), browser.p256dh(),
                browser.auth());
        given().contentType(ContentType.JSON).body(body).post("/api/devices").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/devices").then().statusCode(403);
        String token = given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON).body(body)
                .post("/api/devices").then().statusCode(200).extract().path("token");
        // another holder can neither remove it nor learn that it exists
        given().auth().oauth2(Tokens.holder(Requests.uniqueEmail())).delete("/api/devices/{token}", token)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).delete("/api/devices/{token}", token).then().statusCode(204);
    }
}
