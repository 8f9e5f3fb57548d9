package com.stadium.quota.messaging.contract;

import static com.stadium.quota.messaging.contract.NotificationData.CANCELLATION_SCOPE;
import static com.stadium.quota.messaging.contract.NotificationData.DEEPLINK_TOKEN;
import static com.stadium.quota.messaging.contract.NotificationData.EXPIRES_AT;
import static com.stadium.quota.messaging.contract.NotificationData.MATCHES;
import static com.stadium.quota.messaging.contract.NotificationData.SENDER_NAME;
import static com.stadium.quota.messaging.contract.NotificationData.TICKETS;
import static com.stadium.quota.messaging.contract.NotificationData.TICKET_COUNT;
import static com.stadium.quota.messaging.contract.NotificationData.UNCLAIMED_TICKETS;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages the suite sends, one {@link Notice} record each (the name is the notice's {@code kind} on the wire),
 * and the {@link NotificationData} keys each one needed in version 1 ({@link NotificationRequestedV1}), e.g.:
 *
 * <pre>
 * {"kind":"QUOTA_INVITATION","recipientEmail":"vip@sponsor.example","recipientName":"Ada Sponsor","locale":"en",
 *  "quotaId":"q-42","requestedBy":"admin","data":{
 *   "deeplinkToken":"Zx8q…","ticketCount":"4","expiresAt":"2026-12-01T22:59:59Z","unclaimedTickets":"4",
 *   "matches":"[{\"name\":\"FC Example v Rovers\",\"kickoff\":\"2026-12-05T18:30:00Z\"}]"}}
 * </pre>
 */
public enum NotificationKind {

    /**
     * A holder's quota is ready: the deeplink, the matches, the number of tickets, and the expiration date when
     * the quota has one (it is optional).
     */
    QUOTA_INVITATION(DEEPLINK_TOKEN, MATCHES, TICKET_COUNT),
    /** A holder passed tickets on: as an invitation, plus who sent it and optionally a personal message. */
    SUBQUOTA_INVITATION(DEEPLINK_TOKEN, MATCHES, TICKET_COUNT, SENDER_NAME),
    /** Tickets were claimed: one entry per ticket; the mail carries a QR code of each reference. */
    CLAIM_CONFIRMATION(TICKETS),
    /** The holder took back the tickets of a subquota that were not claimed yet. */
    SUBQUOTA_RETRACTED(SENDER_NAME, MATCHES, TICKET_COUNT),
    /** An admin cancelled a quota: what was cancelled, and the refund where tickets were paid. */
    QUOTA_CANCELLED(MATCHES, TICKET_COUNT, CANCELLATION_SCOPE),
    /**
     * The quota expires soon and has unclaimed tickets. notification-adapter schedules it itself from the
     * invitation; another service may also request it directly.
     */
    EXPIRATION_REMINDER(DEEPLINK_TOKEN, MATCHES, EXPIRES_AT, UNCLAIMED_TICKETS),
    /** An admin checks that mail leaves the suite; optional {@link NotificationData#NOTE}. */
    TEST_MESSAGE,
    /** A sold ticket was given to the recipient, with its new signed code (issue 21; version 2 only). */
    TICKET_REASSIGNED,
    /** The recipient's ticket now belongs to someone else; their code is void (issue 21; version 2 only). */
    ATTENDEE_REPLACED;

    private final List<String> requiredKeys;

    NotificationKind(String... requiredKeys) {
        this.requiredKeys = List.of(requiredKeys);
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }

    /** The required keys that {@code data} lacks or leaves blank. */
    public List<String> missingKeys(Map<String, String> data) {
        return requiredKeys.stream().filter(key -> data.get(key) == null || data.get(key).isBlank()).toList();
    }

    public static Optional<NotificationKind> of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
