package com.stadium.quota.messaging.contract;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a message to a person says, one record per {@link NotificationKind}; the {@code kind} property names the
 * record on the wire. Required values are checked when a record is made (or read), so a message that lacks one
 * is refused where it is made, never half-sent. A claim confirmation, for example:
 *
 * <pre>
 * {"kind":"CLAIM_CONFIRMATION","unclaimedTickets":2,"tickets":[{"reference":"3f6c…","match":"FC Example v Rovers",
 *  "kickoff":"2026-12-05T18:30:00Z","sector":"W3","row":"12","seat":"17","attendee":"Ada Sponsor"}]}
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Notice.QuotaInvitation.class, name = "QUOTA_INVITATION"),
        @JsonSubTypes.Type(value = Notice.SubquotaInvitation.class, name = "SUBQUOTA_INVITATION"),
        @JsonSubTypes.Type(value = Notice.ClaimConfirmation.class, name = "CLAIM_CONFIRMATION"),
        @JsonSubTypes.Type(value = Notice.SubquotaRetracted.class, name = "SUBQUOTA_RETRACTED"),
        @JsonSubTypes.Type(value = Notice.QuotaCancelled.class, name = "QUOTA_CANCELLED"),
        @JsonSubTypes.Type(value = Notice.ExpirationReminder.class, name = "EXPIRATION_REMINDER"),
        @JsonSubTypes.Type(value = Notice.TestMessage.class, name = "TEST_MESSAGE"),
        @JsonSubTypes.Type(value = Notice.TicketReassigned.class, name = "TICKET_REASSIGNED"),
        @JsonSubTypes.Type(value = Notice.AttendeeReplaced.class, name = "ATTENDEE_REPLACED") })
public sealed interface Notice {

    /** Which message this is (the same name as the {@code kind} on the wire). */
    @JsonIgnore
    NotificationKind kind();

    /**
     * How many tickets of the quota the recipient has not claimed yet, when the message knows it; it keeps
     * notification-adapter's expiration reminder current (0 cancels it).
     */
    @JsonIgnore
    Integer unclaimed();

    /** One match as messages show it. */
    record Match(String name, Instant kickoff) {
        public Match {
            require(name, "match name");
        }
    }

    /**
     * One claimed ticket; the QR code encodes {@code code}, or {@code reference} for a ticket without one.
     *
     * @param attendee the name printed for the ticket, if any
     * @param code the ticket's signed code, what the gate verifies (issue 21); null in requests made before it
     */
    record Ticket(String reference, String match, Instant kickoff, String sector, String row, String seat,
            String attendee, String code) {
        public Ticket {
            require(reference, "ticket reference");
            code = code == null || code.isBlank() ? null : code;
        }

        /** A ticket without a signed code (as requests made before issue 21 carry it). */
        public Ticket(String reference, String match, Instant kickoff, String sector, String row, String seat,
                String attendee) {
            this(reference, match, kickoff, sector, row, seat, attendee, null);
        }

        /** What the ticket's QR code carries: the signed code, or the bare reference where there is none. */
        @JsonIgnore
        public String qrPayload() {
            return code == null ? reference : code;
        }
    }

    /** An amount with its currency, e.g. 17000 cents EUR. */
    record Money(int cents, String currency) {
        public Money {
            require(currency, "currency");
        }
    }

    /** What a cancellation covered. */
    enum CancellationScope {
        UNFULFILLED_ONLY, ALL_UNUSED
    }

    /** A deeplink to tickets: a holder's quota or a subquota passed on. */
    sealed interface Invitation extends Notice {

        String deeplinkToken();

        List<Match> matches();

        /** Tickets per match. */
        int ticketCount();

        /** The end of the quota's expiration day, if it has one (a reminder only). */
        Instant expiresAt();

        Integer unclaimedTickets();

        @Override
        default Integer unclaimed() {
            return unclaimedTickets();
        }
    }

    /**
     * A holder's quota is ready.
     *
     * @param ticketCount tickets per match
     * @param expiresAt the end of the quota's expiration day, if it has one (a reminder only)
     */
    record QuotaInvitation(String deeplinkToken, List<Match> matches, int ticketCount, Instant expiresAt,
            Integer unclaimedTickets) implements Invitation {
        public QuotaInvitation {
            require(deeplinkToken, "deeplinkToken");
            matches = requireSome(matches, "matches");
            requireCount(ticketCount, "ticketCount");
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.QUOTA_INVITATION;
        }
    }

    /** A holder passed tickets on: as an invitation, plus who sent it and their own words, if any. */
    record SubquotaInvitation(String deeplinkToken, List<Match> matches, int ticketCount, Instant expiresAt,
            Integer unclaimedTickets, String senderName, String personalMessage) implements Invitation {
        public SubquotaInvitation {
            require(deeplinkToken, "deeplinkToken");
            matches = requireSome(matches, "matches");
            requireCount(ticketCount, "ticketCount");
            require(senderName, "senderName");
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.SUBQUOTA_INVITATION;
        }
    }

    /** Tickets were claimed: one entry per ticket; the mail carries a QR code of each reference. */
    record ClaimConfirmation(List<Ticket> tickets, Integer unclaimedTickets) implements Notice {
        public ClaimConfirmation {
            tickets = requireSome(tickets, "tickets");
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.CLAIM_CONFIRMATION;
        }

        @Override
        public Integer unclaimed() {
            return unclaimedTickets;
        }
    }

    /** The holder took back the tickets of a subquota that were not claimed yet; nothing is left to claim. */
    record SubquotaRetracted(String senderName, List<Match> matches, int ticketCount) implements Notice {
        public SubquotaRetracted {
            require(senderName, "senderName");
            matches = requireSome(matches, "matches");
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.SUBQUOTA_RETRACTED;
        }

        @Override
        public Integer unclaimed() {
            return 0;
        }
    }

    /**
     * An admin cancelled a quota; nothing is left to claim.
     *
     * @param refund what is refunded for paid tickets, if anything
     */
    record QuotaCancelled(List<Match> matches, int ticketCount, CancellationScope scope, Money refund)
            implements Notice {
        public QuotaCancelled {
            matches = requireSome(matches, "matches");
            if (scope == null) {
                throw new IllegalArgumentException("QUOTA_CANCELLED lacks scope");
            }
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.QUOTA_CANCELLED;
        }

        @Override
        public Integer unclaimed() {
            return 0;
        }
    }

    /** The quota expires soon and has unclaimed tickets (notification-adapter schedules it from the invitation). */
    record ExpirationReminder(String deeplinkToken, List<Match> matches, Instant expiresAt, int unclaimedTickets)
            implements Notice {
        public ExpirationReminder {
            require(deeplinkToken, "deeplinkToken");
            matches = requireSome(matches, "matches");
            if (expiresAt == null) {
                throw new IllegalArgumentException("EXPIRATION_REMINDER lacks expiresAt");
            }
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.EXPIRATION_REMINDER;
        }

        @Override
        public Integer unclaimed() {
            return unclaimedTickets;
        }
    }

    /** An admin checks that mail leaves the suite. */
    record TestMessage(String note) implements Notice {
        public TestMessage {
            note = note == null ? "" : note;
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.TEST_MESSAGE;
        }

        @Override
        public Integer unclaimed() {
            return null;
        }
    }

    /**
     * A holder gave a sold ticket to the recipient (issue 21): the ticket mail with its new signed code.
     *
     * @param givenBy the name of the holder who gave it
     */
    record TicketReassigned(Ticket ticket, String givenBy) implements Notice {
        public TicketReassigned {
            if (ticket == null) {
                throw new IllegalArgumentException("TICKET_REASSIGNED lacks ticket");
            }
            require(givenBy, "givenBy");
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.TICKET_REASSIGNED;
        }

        @Override
        public Integer unclaimed() {
            return null;
        }
    }

    /**
     * The recipient's ticket now belongs to someone else (issue 21); the code they hold is void. Names neither the
     * new attendee nor the code.
     *
     * @param givenBy the name of the holder who gave it to someone else
     */
    record AttendeeReplaced(Match match, String sector, String row, String seat, String givenBy) implements Notice {
        public AttendeeReplaced {
            if (match == null) {
                throw new IllegalArgumentException("ATTENDEE_REPLACED lacks match");
            }
            require(givenBy, "givenBy");
        }

        @Override
        public NotificationKind kind() {
            return NotificationKind.ATTENDEE_REPLACED;
        }

        @Override
        public Integer unclaimed() {
            return null;
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("lacks " + name);
        }
    }

    private static void requireCount(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is negative");
        }
    }

    private static <T> List<T> requireSome(List<T> values, String name) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("lacks " + name);
        }
        return List.copyOf(values);
    }
}
