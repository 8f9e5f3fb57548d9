package com.stadium.quota.quotaservice.ticketcode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a ticket's QR code says, before its signature: the ticket, its match and seat, and the attendee version it was
 * issued for (a re-assignment or cancellation counts the ticket's version up, so this code is void then).
 * <p>
 * The whole code is {@code v1.<kid>.<payload>.<signature>}: {@code kid} names the signing key, {@code payload} is the
 * base64url (no padding) of the UTF-8 text {@code <ticketId>|<matchId>|<seatId>|<attendeeVersion>}, and
 * {@code signature} the base64url Ed25519 signature of the ASCII text {@code v1.<kid>.<payload>}.
 */
public record TicketCode(UUID ticketId, long matchId, long seatId, int attendeeVersion) {

    /** The format's version, the code's first part. */
    public static final String FORMAT = "v1";

    /** Key ids are short and dot-free, so a code splits on its dots. */
    static final Pattern KEY_ID = Pattern.compile("^[A-Za-z0-9_-]{1,32}$");

    private static final Pattern NUMBER = Pattern.compile("^(0|[1-9][0-9]{0,18})$");

    public TicketCode {
        if (ticketId == null || matchId < 0 || seatId < 0 || attendeeVersion < 0) {
            throw new IllegalArgumentException("a ticket code needs a ticket id and non-negative numbers");
        }
    }

    /** The payload part as it is signed: base64url of {@code ticketId|matchId|seatId|attendeeVersion}. */
    public String payload() {
        String text = ticketId + "|" + matchId + "|" + seatId + "|" + attendeeVersion;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The code a payload part names, when it is one written by {@link #payload} (one spelling per code). */
    public static Optional<TicketCode> ofPayload(String payload) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || !NUMBER.matcher(parts[1]).matches() || !NUMBER.matcher(parts[2]).matches()
                || !NUMBER.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        try {
            UUID ticketId = UUID.fromString(parts[0]);
            long version = Long.parseLong(parts[3]);
            if (!ticketId.toString().equals(parts[0]) || version > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            TicketCode code = new TicketCode(ticketId, Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    (int) version);
            return code.payload().equals(payload) ? Optional.of(code) : Optional.empty();
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }
}
