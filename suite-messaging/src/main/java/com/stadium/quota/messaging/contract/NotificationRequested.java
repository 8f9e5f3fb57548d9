package com.stadium.quota.messaging.contract;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A message the suite owes a person (version 2): who gets it, in which language, and what it says as a typed
 * {@link Notice}. notification-adapter renders the notice's template and sends it.
 *
 * <pre>
 * {"recipientEmail":"vip@sponsor.example","recipientName":"Ada Sponsor","locale":"de","quotaId":"a7e2…",
 *  "requestedBy":"allocation-service","notice":{"kind":"QUOTA_INVITATION","deeplinkToken":"Zx8q…",
 *  "matches":[{"name":"FC Example v Rovers","kickoff":"2026-12-05T18:30:00Z"}],"ticketCount":4,
 *  "expiresAt":"2026-12-01T22:59:59Z","unclaimedTickets":4}}
 * </pre>
 *
 * @param recipientEmail where it goes
 * @param recipientName how the person is addressed
 * @param locale language tag (the recipient's stored one, or the sender's default), {@code en} when absent
 * @param quotaId the quota it concerns, if any, so its messages can be listed per quota
 * @param requestedBy who caused it (token subject or a service name)
 * @param notice what the message says
 */
@EventType(name = NotificationRequested.TYPE, version = NotificationRequested.VERSION, topic = Topics.NOTIFICATION_REQUESTS)
public record NotificationRequested(String recipientEmail, String recipientName, String locale, String quotaId,
        String requestedBy, Notice notice) implements SuiteEvent {

    public static final String TYPE = "notification.requested";
    public static final int VERSION = 2;

    public NotificationRequested {
        Objects.requireNonNull(notice, "notice");
        if (recipientEmail == null || recipientEmail.isBlank()) {
            throw new IllegalArgumentException("notification has no recipient");
        }
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }

    /** The notice's kind. */
    @JsonIgnore
    public NotificationKind kind() {
        return notice.kind();
    }

    /**
     * Reads a request of any version still accepted: 2 as it is, 1 converted to its notice. Anything else (another
     * version, an unknown kind, missing values) is refused with the reason.
     */
    public static NotificationRequested from(EventEnvelope envelope, ObjectMapper json) {
        if (!envelope.is(TYPE)) {
            throw new IllegalArgumentException("not a " + TYPE + ": " + envelope.type());
        }
        return switch (envelope.version()) {
            case NotificationRequestedV1.VERSION -> envelope.payloadAs(NotificationRequestedV1.class, json)
                    .upgrade(json);
            case VERSION -> envelope.payloadAs(NotificationRequested.class, json);
            default -> throw new IllegalArgumentException(TYPE + " version " + envelope.version() + " is not known");
        };
    }
}
