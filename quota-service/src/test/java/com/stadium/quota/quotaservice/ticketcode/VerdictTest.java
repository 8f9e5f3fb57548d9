package com.stadium.quota.quotaservice.ticketcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.quotaservice.ticketcode.Verdict.Outcome;
import com.stadium.quota.quotaservice.ticketcode.Verdict.TicketNow;

/** The gate's answer for each state a scanned code and its ticket can be in. */
class VerdictTest {

    static final KeyPair KEYS = TicketKeys.generate();
    static final TicketSigner SIGNER = new TicketSigner("k1", KEYS.getPrivate());
    static final TicketCodeReader READER = new TicketCodeReader(Map.of("k1", KEYS.getPublic()));
    static final UUID TICKET = UUID.randomUUID();
    static final long MATCH = 7;
    static final Instant EARLIER = Instant.parse("2026-12-11T18:45:00Z");

    /** T sold to its first attendee (version 0), never admitted. */
    static final TicketNow SOLD = new TicketNow(TICKET, MATCH, 101, TicketStatus.SOLD, 0, null);

    private static Verdict scan(TicketCode code, TicketNow ticket, long gate) {
        return Verdict.decide(READER.read(SIGNER.sign(code)), ticket, gate);
    }

    private static TicketCode codeOf(TicketNow ticket) {
        return new TicketCode(ticket.ticketId(), ticket.matchId(), ticket.seatId(), ticket.attendeeVersion());
    }

    @Test
    void theCodeOfASoldTicketNotYetAdmittedAtItsMatchIsValid() {
        Verdict verdict = scan(codeOf(SOLD), SOLD, MATCH);

        assertThat(verdict).isEqualTo(new Verdict(Outcome.VALID, "admit", TICKET));
        assertThat(verdict.admits()).isTrue();
    }

    @Test
    void aTicketAdmittedBeforeIsRefusedWithTheTime() {
        TicketNow admitted = new TicketNow(TICKET, MATCH, 101, TicketStatus.SOLD, 0, EARLIER);

        assertThat(scan(codeOf(SOLD), admitted, MATCH)).isEqualTo(new Verdict(Outcome.ALREADY_ADMITTED,
                "admitted at 2026-12-11T18:45:00Z already", TICKET));
    }

    @Test
    void theCodeOfTheAttendeeBeforeAReassignmentIsVoidTheNewOneValid() {
        TicketNow reassigned = new TicketNow(TICKET, MATCH, 101, TicketStatus.SOLD, 1, null);

        Verdict old = scan(codeOf(SOLD), reassigned, MATCH);
        assertThat(old.outcome()).isEqualTo(Outcome.VOIDED);
        assertThat(old.reason()).isEqualTo("the ticket was given to another attendee; this code is void");
        assertThat(scan(codeOf(reassigned), reassigned, MATCH).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void aCancelledTicketIsRefusedWhicheverCodeIsShown() {
        TicketNow cancelled = new TicketNow(TICKET, MATCH, 101, TicketStatus.CANCELLED, 2, null);

        assertThat(scan(codeOf(SOLD), cancelled, MATCH).outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(scan(new TicketCode(TICKET, MATCH, 101, 1), cancelled, MATCH).outcome())
                .isEqualTo(Outcome.CANCELLED);
        assertThat(scan(codeOf(SOLD), cancelled, 8).outcome()).as("cancelled comes before wrong match")
                .isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void aTicketForAnotherMatchIsRefusedNamingBoth() {
        assertThat(scan(codeOf(SOLD), SOLD, 8)).isEqualTo(new Verdict(Outcome.WRONG_MATCH,
                "a ticket for match 7, not match 8", TICKET));
        TicketNow admitted = new TicketNow(TICKET, MATCH, 101, TicketStatus.SOLD, 0, EARLIER);
        assertThat(scan(codeOf(SOLD), admitted, 8).outcome()).as("the wrong gate says so before 'admitted'")
                .isEqualTo(Outcome.WRONG_MATCH);
    }

    @Test
    void aSignedCodeOfNoTicketIsUnknown() {
        assertThat(scan(codeOf(SOLD), null, MATCH)).isEqualTo(new Verdict(Outcome.UNKNOWN, "no such ticket",
                TICKET));
        TicketNow released = new TicketNow(TICKET, MATCH, 101, TicketStatus.ALLOCATED, 0, null);
        assertThat(scan(codeOf(SOLD), released, MATCH).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anUnsignedOrForeignCodeIsJudgedWithoutLookingAtAnyTicket() {
        String forged = new TicketSigner("k1", TicketKeys.generate().getPrivate()).sign(codeOf(SOLD));

        assertThat(Verdict.decide(READER.read(forged), SOLD, MATCH)).isEqualTo(new Verdict(
                Outcome.WRONG_SIGNATURE, "the signature does not fit the ticket", null));
        String otherKey = new TicketSigner("k0", KEYS.getPrivate()).sign(codeOf(SOLD));
        assertThat(Verdict.decide(READER.read(otherKey), SOLD, MATCH).outcome()).isEqualTo(Outcome.WRONG_SIGNATURE);
        assertThat(Verdict.decide(READER.read(TICKET.toString()), SOLD, MATCH)).as("the old bare-id QR")
                .isEqualTo(new Verdict(Outcome.UNKNOWN, "not a ticket code", null));
    }
}
