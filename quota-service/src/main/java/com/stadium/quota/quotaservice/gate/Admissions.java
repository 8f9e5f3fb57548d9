package com.stadium.quota.quotaservice.gate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.ticketcode.TicketCodeReader;
import com.stadium.quota.quotaservice.ticketcode.TicketCodes;
import com.stadium.quota.quotaservice.ticketcode.Verdict;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Verifies a scanned code ({@link Verdict#decide} is the rule) and records the first admission of a VALID one. The
 * database settles two scanners at the same moment: the admission's key is the ticket id, the insert does nothing on
 * a conflict, and the scanner whose insert wrote nothing answers ALREADY_ADMITTED. No lock on the quota.
 */
@ApplicationScoped
public class Admissions {

    @Inject
    TicketCodes codes;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The gate's answer; the ticket's seat and attendee only for a code that is ours and signed.
     *
     * @param admittedAt when the ticket was admitted: now for VALID, the first time for ALREADY_ADMITTED
     */
    public record Answer(boolean valid, Verdict.Outcome outcome, String reason, UUID ticketId, String sector,
            String row, String seat, String attendeeName, Instant admittedAt) {
    }

    @Transactional
    public Answer verify(String scanned, Long matchId, String gateUser) {
        List<Violation> missing = new ArrayList<>();
        if (scanned == null || scanned.isBlank()) {
            missing.add(Violation.of("code", "is required: the text of the ticket's QR code"));
        }
        if (matchId == null) {
            missing.add(Violation.of("matchId", "is required: the match this gate admits to"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        TicketCodeReader.Reading reading = codes.read(scanned);
        Ticket ticket = reading instanceof TicketCodeReader.Signed signed ? Ticket.findById(signed.code().ticketId())
                : null;
        Instant admittedAt = ticket == null ? null : admittedAt(ticket.id);
        Verdict verdict = Verdict.decide(reading, now(ticket, admittedAt), matchId);
        if (verdict.admits()) {
            admittedAt = clock.instant();
            if (!admit(ticket, admittedAt, gateUser)) {
                // another scanner admitted it a moment ago: its answer was VALID, this one is not
                admittedAt = admittedAt(ticket.id);
                verdict = Verdict.decide(reading, now(ticket, admittedAt), matchId);
            }
        }
        return answer(verdict, ticket, admittedAt);
    }

    private static Verdict.TicketNow now(Ticket ticket, Instant admittedAt) {
        return ticket == null ? null : new Verdict.TicketNow(ticket.id, ticket.matchId, ticket.seatId, ticket.status,
                ticket.attendeeVersion, admittedAt);
    }

    private boolean admit(Ticket ticket, Instant at, String gateUser) {
        return em.createNativeQuery("insert into ticket_admission (ticket_id, attendee_version, admitted_at, gate_user)"
                + " values (?1, ?2, ?3, ?4) on conflict (ticket_id) do nothing").setParameter(1, ticket.id)
                .setParameter(2, ticket.attendeeVersion).setParameter(3, at).setParameter(4, gateUser)
                .executeUpdate() == 1;
    }

    private Instant admittedAt(UUID ticketId) {
        List<?> rows = em.createNativeQuery("select admitted_at from ticket_admission where ticket_id = ?1")
                .setParameter(1, ticketId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object value = rows.get(0);
        return value instanceof OffsetDateTime offset ? offset.toInstant() : value instanceof Instant instant
                ? instant : ((Timestamp) value).toInstant();
    }

    private static Answer answer(Verdict verdict, Ticket ticket, Instant admittedAt) {
        boolean shown = ticket != null && verdict.ticketId() != null;
        boolean admittedShown = verdict.outcome() == Verdict.Outcome.VALID
                || verdict.outcome() == Verdict.Outcome.ALREADY_ADMITTED;
        return new Answer(verdict.admits(), verdict.outcome(), verdict.reason(), verdict.ticketId(),
                shown ? ticket.sector : null, shown ? ticket.rowLabel : null, shown ? ticket.seatLabel : null,
                shown ? ticket.attendeeName : null, admittedShown ? admittedAt : null);
    }
}
