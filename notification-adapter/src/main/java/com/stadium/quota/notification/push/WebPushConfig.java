package com.stadium.quota.notification.push;

import java.time.Duration;
import java.util.Optional;

/**
 * Web Push to browsers and the installed web app. Without keys (no default outside dev and test) there is no Web
 * Push: browsers cannot subscribe, and native devices are served as before ({@code suite.push.web-push.*}).
 */
public interface WebPushConfig {

    /**
     * The VAPID public key (RFC 8292): the 65-byte uncompressed P-256 point, base64url. It is the
     * {@code applicationServerKey} the app subscribes with.
     */
    Optional<String> publicKey();

    /** The VAPID private key: the 32-byte P-256 private value, base64url. A secret: from the environment. */
    Optional<String> privateKey();

    /** A contact for the push services' operators: {@code mailto:} or {@code https:} (RFC 8292, {@code sub}). */
    Optional<String> subject();

    /** Dev and test only: browsers may subscribe with a stand-in push service at a loopback address over http. */
    boolean allowLoopbackHttp();

    /** How long a push service keeps a push for a browser that is offline. */
    Duration ttl();

    /** How long to wait for a push service's answer; a push that waited longer is tried again later. */
    Duration timeout();
}
