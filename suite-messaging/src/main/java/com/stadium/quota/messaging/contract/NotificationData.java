package com.stadium.quota.messaging.contract;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The keys of {@link NotificationRequestedV1#data()} (version 1 only; version 2 carries a typed {@link Notice}).
 * Values are strings; counts are decimal numbers, times are
 * ISO-8601 instants ({@code 2026-12-05T18:30:00Z}), and lists ({@link #MATCHES}, {@link #TICKETS}) are JSON arrays
 * written with {@link #write(List, ObjectMapper)}. {@link NotificationKind} says which keys each kind needs.
 */
public final class NotificationData {

    /** The deeplink token of the recipient's quota or subquota; the mail links to the portal with it. */
    public static final String DEEPLINK_TOKEN = "deeplinkToken";
    /** The matches concerned: a JSON array of {@link Notice.Match}. */
    public static final String MATCHES = "matches";
    /** How many tickets (per match) the message is about. */
    public static final String TICKET_COUNT = "ticketCount";
    /** When the quota expires (a reminder only; it changes no status). */
    public static final String EXPIRES_AT = "expiresAt";
    /** Who passed the tickets on or took them back (the holder of the parent quota). */
    public static final String SENDER_NAME = "senderName";
    /** Optional personal words of the sender, shown as they wrote them (escaped). */
    public static final String PERSONAL_MESSAGE = "personalMessage";
    /** The claimed tickets: a JSON array of {@link Notice.Ticket}. */
    public static final String TICKETS = "tickets";
    /** What the cancellation covered: {@code UNFULFILLED_ONLY} or {@code ALL_UNUSED}. */
    public static final String CANCELLATION_SCOPE = "cancellationScope";
    /** Optional amount refunded for paid tickets, formatted with its currency, e.g. {@code 170.00 EUR}. */
    public static final String REFUND_AMOUNT = "refundAmount";
    /**
     * Optional on every kind: how many tickets of the quota the recipient has not claimed yet. It keeps the
     * adapter's expiration reminder current; {@code 0} cancels it.
     */
    public static final String UNCLAIMED_TICKETS = "unclaimedTickets";
    /** Optional free text of a test message. */
    public static final String NOTE = "note";

    private NotificationData() {
    }

    /** A list as the JSON string a data value holds. */
    public static String write(List<?> values, ObjectMapper json) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("list cannot be written as JSON", e);
        }
    }

    public static List<Notice.Match> readMatches(String value, ObjectMapper json) {
        return read(value, json, new TypeReference<List<Notice.Match>>() {
        });
    }

    public static List<Notice.Ticket> readTickets(String value, ObjectMapper json) {
        return read(value, json, new TypeReference<List<Notice.Ticket>>() {
        });
    }

    private static <T> List<T> read(String value, ObjectMapper json, TypeReference<List<T>> type) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(value, type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON list: " + e.getOriginalMessage(), e);
        }
    }
}
