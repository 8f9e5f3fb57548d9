package com.stadium.quota.quotaservice.ticketcode;

import java.time.Instant;
import java.util.UUID;

import com.stadium.quota.quotaservice.quota.TicketStatus;

/**
 * The gate's answer to a scanned code: admit, or why not, in words a steward can say. {@link #decide} is the whole
 * rule; recording the admission (exactly once, also when two scanners answer VALID at the same moment) is the
 * caller's, and a lost race turns its VALID into {@link Outcome#ALREADY_ADMITTED}.
 */
public record Verdict(Outcome outcome, String reason, UUID ticketId) {

    /** Valid, or the one reason it is not; the first that applies, in this order. */
    public enum Outcome {
        /** Not a code of ours, or no such ticket. */
        UNKNOWN,
        /** A code in our format that none of the honoured keys signed: tampered with or forged. */
        WRONG_SIGNATURE,
        /** The ticket was cancelled. */
        CANCELLED,
        /** The ticket was given to another attendee after this code was issued. */
        VOIDED,
        /** A ticket for another match. */
        WRONG_MATCH,
        /** The ticket was admitted before. */
        ALREADY_ADMITTED,
        /** Admit. */
        VALID
    }

    /** The ticket as the gate needs it now; {@code admittedAt} is null until its first admission. */
    public record TicketNow(UUID ticketId, long matchId, long seatId, TicketStatus status, int attendeeVersion,
            Instant admittedAt) {
    }

    public boolean admits() {
        return outcome == Outcome.VALID;
    }

    /**
     * @param reading the scanned code after its signature was checked
     * @param ticket the ticket the code names as it is now, or null when there is none (looked up only for a
     *        {@link TicketCodeReader.Signed} code)
     * @param gateMatchId the match this gate admits to
     */
    public static Verdict decide(TicketCodeReader.Reading reading, TicketNow ticket, long gateMatchId) {
        if (reading instanceof TicketCodeReader.Unsigned unsigned) {
            return new Verdict(unsigned.problem() == TicketCodeReader.Problem.MALFORMED ? Outcome.UNKNOWN
                    : Outcome.WRONG_SIGNATURE, unsigned.detail(), null);
        }
        TicketCode code = ((TicketCodeReader.Signed) reading).code();
        UUID id = code.ticketId();
        if (ticket == null || !ticket.ticketId().equals(id)) {
            return new Verdict(Outcome.UNKNOWN, "no such ticket", id);
        }
        if (ticket.status() == TicketStatus.CANCELLED) {
            return new Verdict(Outcome.CANCELLED, "the ticket was cancelled", id);
        }
        // seats never move today; should they, the code of the old seat is void as well
        if (ticket.attendeeVersion() != code.attendeeVersion() || ticket.seatId() != code.seatId()
                || ticket.matchId() != code.matchId()) {
            return new Verdict(Outcome.VOIDED, "the ticket was given to another attendee; this code is void", id);
        }
        if (ticket.status() != TicketStatus.SOLD) {
            return new Verdict(Outcome.UNKNOWN, "the ticket is not sold", id);
        }
        if (code.matchId() != gateMatchId) {
            return new Verdict(Outcome.WRONG_MATCH, "a ticket for match " + code.matchId() + ", not match "
                    + gateMatchId, id);
        }
        if (ticket.admittedAt() != null) {
            return new Verdict(Outcome.ALREADY_ADMITTED, "admitted at " + ticket.admittedAt() + " already", id);
        }
        return new Verdict(Outcome.VALID, "admit", id);
    }
}
