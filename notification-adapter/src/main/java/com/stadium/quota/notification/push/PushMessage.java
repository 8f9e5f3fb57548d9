package com.stadium.quota.notification.push;

import java.util.Map;

/**
 * One push to one device. It never carries a deeplink token: push services are third parties, so the app opens
 * the quota from {@code data} with the holder's own sign-in.
 *
 * @param data what the app needs to open the right screen: kind, quotaId, notificationId
 */
public record PushMessage(String deviceToken, String platform, String title, String body, Map<String, String> data) {
}
