package com.stadium.quota.messaging.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Version 1 of {@link NotificationRequested}: the values as a map of strings. No service sends it any more;
 * notification-adapter still reads it (one may be in flight) through {@link #upgrade}, the one converter.
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
@EventType(name = NotificationRequestedV1.TYPE, version = NotificationRequestedV1.VERSION, topic = Topics.NOTIFICATION_REQUESTS)
public record NotificationRequestedV1(String kind, String recipientEmail, String recipientName, String locale,
        String quotaId, String requestedBy, Map<String, String> data) implements SuiteEvent {

    public static final String TYPE = "notification.requested";
    public static final int VERSION = 1;

    public NotificationRequestedV1 {
        data = data == null ? Map.of() : Map.copyOf(data);
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }

    /** The typed request; an unknown kind or missing or unreadable data is refused naming the kind. */
    public NotificationRequested upgrade(ObjectMapper json) {
        NotificationKind known = NotificationKind.of(kind)
                .orElseThrow(() -> new IllegalArgumentException("no message template for kind " + kind));
        List<String> missing = known.missingKeys(data);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(known + " lacks data " + missing);
        }
        try {
            return new NotificationRequested(recipientEmail, recipientName, locale, quotaId, requestedBy,
                    notice(known, json));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(known + " has unreadable data: " + e.getMessage(), e);
        }
    }

    private Notice notice(NotificationKind known, ObjectMapper json) {
        List<Notice.Match> matches = NotificationData.readMatches(data.get(NotificationData.MATCHES), json);
        Integer unclaimed = number(NotificationData.UNCLAIMED_TICKETS);
        return switch (known) {
            case QUOTA_INVITATION -> new Notice.QuotaInvitation(text(NotificationData.DEEPLINK_TOKEN), matches,
                    number(NotificationData.TICKET_COUNT), instant(NotificationData.EXPIRES_AT), unclaimed);
            case SUBQUOTA_INVITATION -> new Notice.SubquotaInvitation(text(NotificationData.DEEPLINK_TOKEN), matches,
                    number(NotificationData.TICKET_COUNT), instant(NotificationData.EXPIRES_AT), unclaimed,
                    text(NotificationData.SENDER_NAME), text(NotificationData.PERSONAL_MESSAGE));
            case CLAIM_CONFIRMATION -> new Notice.ClaimConfirmation(
                    NotificationData.readTickets(data.get(NotificationData.TICKETS), json), unclaimed);
            case SUBQUOTA_RETRACTED -> new Notice.SubquotaRetracted(text(NotificationData.SENDER_NAME), matches,
                    number(NotificationData.TICKET_COUNT));
            case QUOTA_CANCELLED -> new Notice.QuotaCancelled(matches, number(NotificationData.TICKET_COUNT),
                    Notice.CancellationScope.valueOf(text(NotificationData.CANCELLATION_SCOPE)),
                    money(text(NotificationData.REFUND_AMOUNT)));
            case EXPIRATION_REMINDER -> new Notice.ExpirationReminder(text(NotificationData.DEEPLINK_TOKEN), matches,
                    instant(NotificationData.EXPIRES_AT), number(NotificationData.UNCLAIMED_TICKETS));
            case TEST_MESSAGE -> new Notice.TestMessage(text(NotificationData.NOTE));
            case TICKET_REASSIGNED, ATTENDEE_REPLACED -> throw new IllegalArgumentException(
                    "there is no version 1 of " + known + "; send version 2");
        };
    }

    private String text(String key) {
        String value = data.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Integer number(String key) {
        String value = text(key);
        return value == null ? null : Integer.valueOf(value);
    }

    private Instant instant(String key) {
        String value = text(key);
        return value == null ? null : Instant.parse(value);
    }

    /** v1 wrote the refund as text, {@code 170.00 EUR}. */
    private static Notice.Money money(String formatted) {
        if (formatted == null) {
            return null;
        }
        String[] parts = formatted.split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("refund amount " + formatted + " is not <amount> <currency>");
        }
        return new Notice.Money(new java.math.BigDecimal(parts[0]).movePointRight(2).intValueExact(), parts[1]);
    }
}
