package com.stadium.quota.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;

/** The crypto of a push, checked from the receiving end: what a browser decrypts and a push service verifies. */
class WebPushRequestsTest {

    // the dev/test demo pair of application.properties
    static final String PUBLIC_KEY =
            "BIzz7_SsZVZXCaMtBePBPB3KwNM1TH2HRsw7zryY6Xbavk6ClwBHHxZhSrv0gS52Ri0UQHbq7ZlR40pS2c_SF9M";
    static final String PRIVATE_KEY = "AzPUySqGsV-SEVeyO6GmRK4t5Lo7t14FHiTzYPN9IK0";
    static final String SUBJECT = "mailto:tickets@club.example";
    static final String ENDPOINT = "https://push.example.net/send/abc-123";

    private final WebPushRequests requests = WebPushRequests.of(PUBLIC_KEY, PRIVATE_KEY, SUBJECT, Duration.ofDays(1));

    @Test
    void theTestBrowserDecryptsTheExampleOfRfc8291Section5() throws GeneralSecurityException {
        TestBrowser receiver = TestBrowser.of("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                "BTBZMqHH6r4Tts7J_aSIgg");
        byte[] message = TestBrowser.base64url("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZ"
                + "IIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyou"
                + "BWLVWGNWQexSgSxsj_Qulcy4a-fN");

        assertThat(new String(receiver.decrypt(message), StandardCharsets.UTF_8))
                .isEqualTo("When I grow up, I want to be a watermelon");
        // one changed byte of ciphertext: the tag no longer matches
        message[message.length - 1] ^= 1;
        assertThatThrownBy(() -> receiver.decrypt(message)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aPushIsEncryptedForItsBrowserOnly() throws GeneralSecurityException {
        TestBrowser browser = TestBrowser.create();
        byte[] payload = "{\"title\":\"Claim confirmed\",\"kind\":\"CLAIM_CONFIRMATION\"}"
                .getBytes(StandardCharsets.UTF_8);

        HttpRequest request = requests.request(browser.subscription(ENDPOINT), payload, Duration.ofSeconds(5));

        byte[] body = bodyOf(request);
        TestBrowser.Header header = TestBrowser.Header.of(body);
        assertThat(header.recordSize()).isEqualTo(4096);
        assertThat(header.senderKey()).hasSize(65).startsWith(4);
        assertThat(browser.decrypt(body)).isEqualTo(payload);
        assertThatThrownBy(() -> TestBrowser.create().decrypt(body)).isInstanceOf(GeneralSecurityException.class);
        // a fresh salt and sender key each time: never the same key stream twice
        byte[] again = bodyOf(requests.request(browser.subscription(ENDPOINT), payload, Duration.ofSeconds(5)));
        assertThat(TestBrowser.Header.of(again).salt()).isNotEqualTo(header.salt());
        assertThat(TestBrowser.Header.of(again).senderKey()).isNotEqualTo(header.senderKey());
    }

    @Test
    void aPushCarriesAVapidTokenForTheEndpointsOriginSignedWithTheServersKey() throws GeneralSecurityException {
        HttpRequest request = requests.request(TestBrowser.create().subscription(ENDPOINT), new byte[] {'{', '}'},
                Duration.ofSeconds(5));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).hasToString(ENDPOINT);
        assertThat(request.timeout()).contains(Duration.ofSeconds(5));
        assertThat(request.headers().firstValue("Content-Encoding")).contains("aes128gcm");
        assertThat(request.headers().firstValue("TTL")).contains("86400");
        VapidToken token = VapidToken.verify(request.headers().firstValue("Authorization").orElseThrow());
        assertThat(token.key()).isEqualTo(PUBLIC_KEY);
        assertThat(token.claims().path("aud").asText()).isEqualTo("https://push.example.net");
        assertThat(token.claims().path("sub").asText()).isEqualTo(SUBJECT);
        long now = Instant.now().getEpochSecond();
        assertThat(token.claims().path("exp").asLong()).isBetween(now, now + 24 * 3600);
    }

    @Test
    void aTokenSignedWithAnotherKeyOrChangedFailsTheCheck() {
        String authorization = requests.request(TestBrowser.create().subscription(ENDPOINT), new byte[] {'{', '}'},
                Duration.ofSeconds(5)).headers().firstValue("Authorization").orElseThrow();
        WebPushRequests other = WebPushRequests.of(
                "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
                "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw", SUBJECT, Duration.ofDays(1));
        String otherKey = authorization.replace(PUBLIC_KEY, other.publicKey());
        String[] parts = authorization.split("\\.");
        String otherAudience = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"aud\":\"https://elsewhere.example\",\"exp\":1,\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> VapidToken.verify(otherKey)).hasMessageContaining("signature");
        assertThatThrownBy(() -> VapidToken.verify(otherAudience)).hasMessageContaining("signature");
    }

    @Test
    void thePushServicesAnswerSaysDeliveredGoneOrTryAgain() {
        assertThat(WebPushRequests.outcome(201, "")).isEqualTo(PushProvider.Outcome.DELIVERED);
        assertThat(WebPushRequests.outcome(404, "")).isEqualTo(PushProvider.Outcome.GONE);
        assertThat(WebPushRequests.outcome(410, "unsubscribed")).isEqualTo(PushProvider.Outcome.GONE);
        assertThatThrownBy(() -> WebPushRequests.outcome(503, "busy")).hasMessage("push service answered 503: busy");
        assertThatThrownBy(() -> WebPushRequests.outcome(429, null)).hasMessage("push service answered 429");
        assertThatThrownBy(() -> WebPushRequests.outcome(403, "bad jwt")).hasMessageContaining("403");
    }

    @Test
    void keysThatAreNoPairOrASubjectThatIsNoContactAreRefused() {
        assertThatThrownBy(() -> WebPushRequests.of(PUBLIC_KEY, "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw",
                SUBJECT, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a P-256 key pair");
        assertThatThrownBy(() -> WebPushRequests.of(PUBLIC_KEY, "not+base64", SUBJECT, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebPushRequests.of(PUBLIC_KEY, PRIVATE_KEY, "tickets@club.example",
                Duration.ofDays(1))).hasMessageContaining("mailto:");
    }

    @Test
    void aPayloadLargerThanOneRecordIsRefused() {
        WebPushSubscription to = TestBrowser.create().subscription(ENDPOINT);
        assertThat(requests.request(to, new byte[WebPushRequests.MAX_PAYLOAD_BYTES], Duration.ofSeconds(1)))
                .isNotNull();
        assertThatThrownBy(() -> requests.request(to, new byte[WebPushRequests.MAX_PAYLOAD_BYTES + 1],
                Duration.ofSeconds(1))).hasMessageContaining("at most 3993 bytes");
    }

    /** The bytes a request's body publisher gives. */
    static byte[] bodyOf(HttpRequest request) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            private final List<ByteBuffer> parts = new ArrayList<>();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                parts.add(item);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                ByteBuffer all = ByteBuffer.allocate(parts.stream().mapToInt(ByteBuffer::remaining).sum());
                parts.forEach(all::put);
                done.complete(all.array());
            }
        });
        return done.join();
    }
}
