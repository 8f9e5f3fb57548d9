package com.stadium.quota.notification.push;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;

/**
 * Turns a push into the request a push service takes (RFC 8030): the payload encrypted for the one browser
 * ({@code aes128gcm}, RFC 8291) and signed with this server's VAPID key (RFC 8292). No I/O: the crypto is the
 * {@code com.interaso:webpush} library's.
 */
final class WebPushRequests {

    /** The largest payload that fits one 4,096-byte record (RFC 8291, section 4). */
    static final int MAX_PAYLOAD_BYTES = 3993;

    private final WebPush webPush;
    private final String publicKey;
    private final int ttlSeconds;

    private WebPushRequests(WebPush webPush, String publicKey, int ttlSeconds) {
        this.webPush = webPush;
        this.publicKey = publicKey;
        this.ttlSeconds = ttlSeconds;
    }

    /**
     * @param publicKey the VAPID key pair as base64url: the uncompressed public point and the private value
     * @param subject {@code mailto:} or {@code https:}
     * @throws IllegalArgumentException naming what is wrong with the keys or the subject
     */
    static WebPushRequests of(String publicKey, String privateKey, String subject, Duration ttl) {
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            throw new IllegalArgumentException("subject must start with mailto: or https:, not " + subject);
        }
        VapidKeys keys;
        try {
            keys = VapidKeys.fromUncompressedBytes(publicKey, privateKey);
        } catch (Exception e) { // the library also throws checked key-spec exceptions it does not declare
            throw new IllegalArgumentException("public-key and private-key are not a P-256 key pair as base64url ("
                    + e.getMessage() + ")", e);
        }
        String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getApplicationServerKey());
        return new WebPushRequests(new WebPush(subject, keys), canonical, Math.toIntExact(ttl.toSeconds()));
    }

    /** The VAPID public key as the app subscribes with it (base64url, no padding). */
    String publicKey() {
        return publicKey;
    }

    /** A POST to the browser's endpoint with the encrypted payload, a VAPID token valid 12 hours, and a TTL. */
    HttpRequest request(WebPushSubscription to, byte[] payload, Duration timeout) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a push payload has at most " + MAX_PAYLOAD_BYTES + " bytes, not "
                    + payload.length);
        }
        byte[] body;
        Map<String, String> headers;
        try {
            body = webPush.getBody(payload, Base64.getUrlDecoder().decode(to.p256dh()),
                    Base64.getUrlDecoder().decode(to.auth()));
            headers = webPush.getHeaders(to.endpoint(), ttlSeconds, null, null);
        } catch (Exception e) { // as above: undeclared checked exceptions of the crypto
            throw new IllegalStateException("push cannot be encrypted for this subscription: " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(to.endpoint()))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    /** The push service's answer (RFC 8030 section 5, RFC 8292 section 4): throws for one worth trying again. */
    static PushProvider.Outcome outcome(int status, String body) {
        if (status >= 200 && status < 300) {
            return PushProvider.Outcome.DELIVERED;
        }
        if (status == 404 || status == 410) {
            return PushProvider.Outcome.GONE;
        }
        String answer = body == null || body.isBlank() ? "" : ": " + abbreviate(body.strip(), 200);
        throw new IllegalStateException("push service answered " + status + answer);
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }
}
