package com.stadium.quota.notification.push;

import java.util.Map;

/**
 * One push to one device. It never carries a deeplink token: push services are third parties, so the app opens
 * the quota from {@code data} with the holder's own sign-in.
 *
 * @param subscription where a browser receives it (Web Push only; null for a native app)
 * @param data what the app needs to open the right screen: kind, quotaId, notificationId and the page's url
 */
public record PushMessage(String deviceToken, Platform platform, WebPushSubscription subscription, String title,
        String body, Map<String, String> data) {
}
