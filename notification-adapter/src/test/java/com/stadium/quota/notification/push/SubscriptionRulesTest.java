package com.stadium.quota.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/** Which browser subscriptions are taken, and the field and reason of each refusal. */
class SubscriptionRulesTest {

    private static final TestBrowser BROWSER = TestBrowser.create();
    private static final String FCM = "https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bHun4MxP5egoKMwt2";

    private final SubscriptionRules production = new SubscriptionRules(false);
    private final SubscriptionRules devAndTest = new SubscriptionRules(true);

    @Test
    void aBrowsersSubscriptionIsTakenWithItsKeysWrittenWithoutPadding() {
        WebPushSubscription taken = production.check(FCM, BROWSER.p256dh() + "=", BROWSER.auth() + "==");

        assertThat(taken).isEqualTo(BROWSER.subscription(FCM));
    }

    @Test
    void theEndpointIsAnHttpsPushServiceOnTheInternet() {
        assertRefused(() -> production.check(null, BROWSER.p256dh(), BROWSER.auth()), "subscription.endpoint",
                "is missing");
        assertRefused(() -> production.check("ftp://push.example.net/x", BROWSER.p256dh(), BROWSER.auth()),
                "subscription.endpoint", "must be an https URL of a push service");
        assertRefused(() -> production.check("http://push.example.net/x", BROWSER.p256dh(), BROWSER.auth()),
                "subscription.endpoint", "must be an https URL of a push service");
        assertRefused(() -> production.check("push.example.net/x", BROWSER.p256dh(), BROWSER.auth()),
                "subscription.endpoint", "must be an https URL of a push service");
        assertRefused(() -> production.check("https://push.example.net/a b", BROWSER.p256dh(), BROWSER.auth()),
                "subscription.endpoint", "is not a URL: Illegal character in path");
        assertRefused(() -> production.check("https://me:secret@push.example.net/x", BROWSER.p256dh(),
                BROWSER.auth()), "subscription.endpoint", "must not carry a user name or password");
        assertRefused(() -> production.check("https://push.example.net/" + "x".repeat(2048), BROWSER.p256dh(),
                BROWSER.auth()), "subscription.endpoint", "is longer than 2048 characters");
        for (String inside : List.of("https://127.0.0.1/x", "https://localhost:8443/x", "https://10.1.2.3/x",
                "https://192.168.0.7/x", "https://169.254.169.254/latest", "https://[::1]/x",
                "https://[fd00::1]/x")) {
            assertRefused(() -> production.check(inside, BROWSER.p256dh(), BROWSER.auth()), "subscription.endpoint",
                    "must be a push service on the internet, not a loopback or private address");
        }
    }

    @Test
    void devAndTestAlsoTakeAStandInOnThisMachineOverHttp() {
        assertThat(devAndTest.check("http://127.0.0.1:40123/push/a", BROWSER.p256dh(), BROWSER.auth()).endpoint())
                .isEqualTo("http://127.0.0.1:40123/push/a");
        assertThat(devAndTest.check("http://localhost:40123/push/a", BROWSER.p256dh(), BROWSER.auth())).isNotNull();
        assertRefused(() -> devAndTest.check("http://10.1.2.3/push/a", BROWSER.p256dh(), BROWSER.auth()),
                "subscription.endpoint", "must be an https URL of a push service");
        assertRefused(() -> devAndTest.check("http://push.example.net/a", BROWSER.p256dh(), BROWSER.auth()),
                "subscription.endpoint", "must be an https URL of a push service");
    }

    @Test
    void theKeysAreBase64urlOfAP256PointAndASixteenByteSecret() {
        assertRefused(() -> production.check(FCM, null, BROWSER.auth()), "subscription.keys.p256dh", "is missing");
        assertRefused(() -> production.check(FCM, BROWSER.p256dh(), " "), "subscription.keys.auth", "is missing");
        String standardBase64 = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff, 1});
        assertRefused(() -> production.check(FCM, BROWSER.p256dh(), standardBase64), "subscription.keys.auth",
                "must be base64url (A-Z, a-z, 0-9, - and _)");
        assertRefused(() -> production.check(FCM, BROWSER.p256dh().substring(0, 85), BROWSER.auth()),
                "subscription.keys.p256dh", "must be base64url: ");
        assertRefused(() -> production.check(FCM, BROWSER.p256dh().substring(0, 43), BROWSER.auth()),
                "subscription.keys.p256dh", "must be an uncompressed P-256 public key: 65 bytes (87 base64url"
                        + " characters), not 32");
        byte[] offTheCurve = new byte[65];
        offTheCurve[0] = 4;
        offTheCurve[64] = 1;
        assertRefused(() -> production.check(FCM, Base64.getUrlEncoder().encodeToString(offTheCurve), BROWSER.auth()),
                "subscription.keys.p256dh", "is not a point on the P-256 curve");
        assertRefused(() -> production.check(FCM, BROWSER.p256dh(), BROWSER.auth().substring(0, 20)),
                "subscription.keys.auth", "must be 16 bytes (22 base64url characters), not 15");
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> production.check("http://push.example.net/x", "AAAA", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("subscription.endpoint", "subscription.keys.p256dh",
                                "subscription.keys.auth"));
    }

    private static void assertRefused(ThrowingCallable check, String field, String reason) {
        assertThatThrownBy(check).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.violations()).hasSize(1);
            assertThat(e.violations().get(0).field()).isEqualTo(field);
            assertThat(e.violations().get(0).message()).startsWith(reason);
        });
    }
}
