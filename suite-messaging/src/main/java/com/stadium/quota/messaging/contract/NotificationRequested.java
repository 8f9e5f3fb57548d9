package com.stadium.quota.messaging.contract;

import java.util.Map;

/**
 * A message the suite owes a person. notification-adapter renders the template named by {@code kind} with
 * {@code data} and sends it.
 *
 * <pre>
 * {"kind":"TEST_MESSAGE","recipientEmail":"ops@club.example","recipientName":"Ops desk",
 *  "locale":"en","quotaId":null,"requestedBy":"admin","data":{"note":"SMTP check"}}
 * </pre>
 *
 * @param kind which message, the name of a {@link NotificationKind}
 * @param recipientEmail where it goes
 * @param recipientName how the person is addressed
 * @param locale language tag, {@code en} when absent
 * @param quotaId the quota it concerns, if any, so its messages can be listed per quota
 * @param requestedBy who caused it (token subject or a service name)
 * @param data values the template needs: {@link NotificationKind} lists the {@link NotificationData} keys of each
 *        kind
 */
@EventType(name = NotificationRequested.TYPE, version = NotificationRequested.VERSION, topic = Topics.NOTIFICATION_REQUESTS)
public record NotificationRequested(String kind, String recipientEmail, String recipientName, String locale,
        String quotaId, String requestedBy, Map<String, String> data) implements SuiteEvent {

    public static final String TYPE = "notification.requested";
    public static final int VERSION = 1;

    public NotificationRequested {
        data = data == null ? Map.of() : Map.copyOf(data);
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }
}
