package com.stadium.quota.notification.push;

import static com.stadium.quota.notification.Requests.invitation;
import static com.stadium.quota.notification.Requests.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The mobile app registers phones; mailed messages are pushed to them (recorded by the default provider). */
@QuarkusTest
class DeviceResourceTest {

    /** The demo holder's email claim (infra/keycloak/quota-realm.json). */
    private static final String HOLDER_EMAIL = "holder@club.example";

    @Inject
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
        assertThat(push.title()).isEqualTo("FC Example");
        assertThat(push.body()).isEqualTo("Your tickets from FC Example");
        assertThat(push.platform()).isEqualTo("ANDROID");
        assertThat(push.data()).containsEntry("kind", "QUOTA_INVITATION").containsEntry("quotaId", quotaId)
                .containsEntry("notificationId", id.toString());
        assertThat(push.data().values()).noneMatch(value -> value.contains(secret));
    }

    @Test
    void aTestMessageIsMailedButNotPushed() {
        String device = newDeviceToken();
        register(device);
        UUID id = Requests.send(new NotificationRequested("TEST_MESSAGE", HOLDER_EMAIL, "Hannah", "en", null, "admin",
                Map.of()));
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
}
