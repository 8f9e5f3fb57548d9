package com.stadium.quota.notification.push;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a push says and where it leads: a short title, a body, and in {@code data} the message's kind, quota and
 * notification ids and the URL of the app's page for that quota.
 */
public record PushContent(String title, String body, Map<String, String> data) {

    /** A lock screen shows about two lines; the mail has the rest. */
    static final int MAX_BODY = 240;

    /** The app's page of one quota, under portal-web's {@code /app}; the app itself when there is no quota. */
    static String appUrl(String portalUrl, String quotaId) {
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        if (quotaId == null || quotaId.isBlank()) {
            return base + "/app";
        }
        return base + "/app/quotas/" + URLEncoder.encode(quotaId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static PushContent of(String kind, String quotaId, UUID notificationId, String title, String body,
            String portalUrl) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", kind);
        if (quotaId != null) {
            data.put("quotaId", quotaId);
        }
        data.put("notificationId", notificationId.toString());
        data.put("url", appUrl(portalUrl, quotaId));
        String shortBody = body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY - 1) + "…";
        return new PushContent(title, shortBody, Map.copyOf(data));
    }
}
