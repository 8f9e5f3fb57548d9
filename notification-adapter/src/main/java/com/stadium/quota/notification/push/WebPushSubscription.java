package com.stadium.quota.notification.push;

/**
 * Where and how to push to one browser, as its {@code PushSubscription} gives it (RFC 8030, RFC 8291).
 *
 * @param endpoint the push service's URL for this browser
 * @param p256dh the browser's P-256 public key (uncompressed point), base64url without padding
 * @param auth the browser's 16-byte authentication secret, base64url without padding
 */
public record WebPushSubscription(String endpoint, String p256dh, String auth) {
}
