package com.stadium.quota.notification.email;

import java.util.List;

/**
 * What a message shows, read from a request's data and formatted for the recipient's language and the stadium's
 * time zone. Each kind uses the parts it needs; absent texts are empty.
 *
 * @param link the recipient's personal portal link (invitations and reminders)
 * @param allUnused the cancellation also took sold tickets of matches not started yet
 * @param seat the seat a message names without its ticket (a ticket given to someone else), or null
 */
public record MessageView(String link, List<MatchLine> matches, int ticketCount, String expiresOn,
        String senderName, String personalMessage, List<TicketLine> tickets, boolean allUnused, String refundAmount,
        int unclaimedTickets, String note, SeatLine seat) {

    /** A match with its kick-off in local time. */
    public record MatchLine(String name, String kickoff) {
    }

    /**
     * A claimed ticket; {@code contentId} names its QR code image inside the mail, which encodes {@code qr} (the
     * signed code, or the reference of a ticket without one).
     */
    public record TicketLine(String reference, String match, String kickoff, String sector, String row, String seat,
            String attendee, String contentId, String qr) {
    }

    /** A seat without its ticket. */
    public record SeatLine(String sector, String row, String seat) {
    }
}
