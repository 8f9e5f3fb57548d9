package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.web.Violation;

/** Giving a sold ticket to another attendee (issue 21): who may, until when, to whom, and what it voids. */
class ReassignmentTest {

    static final Instant KICKOFF = Instant.parse("2026-12-11T19:30:00Z");
    static final Instant NOW = KICKOFF.minus(Duration.ofDays(3));
    static final Duration CUTOFF = Duration.ofHours(2);
    static final String HOLDER = "hanna@sponsor.example";

    /** A quota of two seats with ticket T sold to Ann, on the holder's quota or on a subquota of it. */
    static final class Sold {
        final Quota parent;
        final Quota home;
        final Ticket t;

        Sold(boolean transferable, boolean inSubquota, Instant kickoff) {
            parent = Quota.create(new NewQuota(HOLDER, "Hanna Holder", List.of(1L), List.of("W1"), 2, 0, "NM", null,
                    true, transferable, false, false, null), new MatchInfo(1, "FC Example v Rovers", kickoff,
                            "ARENA", Map.of("W1", 100)), null, UUID.randomUUID(), "admin", NOW);
            parent.applyAllocation(new Quota.Allocation(Quota.Allocation.Outcome.ALLOCATED, 2, 2, 100, null, 7L,
                    List.of(new Quota.HeldSeat(101, "W1", "7", "1", "CAT2", 6000),
                            new Quota.HeldSeat(102, "W1", "7", "2", "CAT2", 6000))), NOW);
            Ticket first = parent.tickets().get(0);
            Quota quota = parent;
            if (inSubquota) {
                UUID sub = ((QuotaEvent.TicketsPassedOn) parent.passOn(new Quota.PassOn("gus@friends.example", "Gus",
                        null, List.of(first.id), null), HOLDER, NOW).get(0)).subquotaId();
                quota = parent.subquota(sub);
            }
            home = quota;
            UUID claimId = ((QuotaEvent.TicketsReserved) home.reserve(List.of(first.id), home.holderEmail,
                    home.holderEmail, NOW, Duration.ofMinutes(15)).get(0)).claimId();
            Claim claim = home.added.stream().filter(e -> e instanceof Claim c && c.id.equals(claimId))
                    .map(Claim.class::cast).findFirst().orElseThrow();
            home.attend(claim, List.of(new ClaimRules.Attendee(first.id, "Ann Guest", "ann@friends.example")),
                    home.holderEmail, NOW);
            home.requestPayment(claim, null, NOW, Duration.ofMinutes(15));
            home.sell(claim, NOW);
            t = first;
        }

        Sold(boolean transferable) {
            this(transferable, false, KICKOFF);
        }

        List<QuotaEvent> reassign(String name, String email, Integer seenVersion, Instant at) {
            return home.reassign(new Quota.Reassignment(t.id, name, email, seenVersion), at, CUTOFF);
        }

        String ticketState() {
            return t.status + " " + t.attendeeName + " <" + t.attendeeEmail + "> v" + t.attendeeVersion;
        }
    }

    private static QuotaRefusal refused(Sold sold, String name, String email, Integer seenVersion, Instant at) {
        String before = sold.ticketState();
        QuotaRefusal refusal = catchThrowableOfType(() -> sold.reassign(name, email, seenVersion, at),
                QuotaRefusal.class);
        assertThat(refusal).as("refused").isNotNull();
        assertThat(sold.ticketState()).as("a refusal changes nothing").isEqualTo(before);
        return refusal;
    }

    @Test
    void aSoldTicketOfATransferableQuotaGoesToTheNewAttendeeAndItsOldCodeIsVoid() {
        Sold sold = new Sold(true);

        List<QuotaEvent> events = sold.reassign("  Bea Other ", " Bea@Friends.example", 0, NOW);

        assertThat(sold.ticketState()).isEqualTo("SOLD Bea Other <bea@friends.example> v1");
        assertThat(events).containsExactly(new QuotaEvent.TicketReassigned(sold.home.id,
                new QuotaEvent.SoldTicket(sold.t.id, 101, "W1", "7", "1", "Bea Other", "bea@friends.example", 6000),
                "Ann Guest", "ann@friends.example", 1));
        sold.reassign("Cem Third", "cem@friends.example", 1, NOW);
        assertThat(sold.ticketState()).isEqualTo("SOLD Cem Third <cem@friends.example> v2");
    }

    @Test
    void withoutTheTransferablePermissionTheHolderMayNotReassign() {
        QuotaRefusal refusal = refused(new Sold(false), "Bea Other", "bea@friends.example", null, NOW);

        assertThat(refusal.kind()).isEqualTo(QuotaRefusal.Kind.FORBIDDEN);
        assertThat(refusal.violations()).extracting(Violation::message)
                .containsExactly("this quota's tickets are not transferable");
    }

    @Test
    void aSubquotaMayReassignExactlyWhenItsParentWasTransferable() {
        Sold fromTransferable = new Sold(true, true, KICKOFF);
        fromTransferable.reassign("Bea Other", "bea@friends.example", null, NOW);
        assertThat(fromTransferable.ticketState()).isEqualTo("SOLD Bea Other <bea@friends.example> v1");

        QuotaRefusal refusal = refused(new Sold(false, true, KICKOFF), "Bea Other", "bea@friends.example", null,
                NOW);
        assertThat(refusal.kind()).isEqualTo(QuotaRefusal.Kind.FORBIDDEN);
        assertThat(refusal.violations()).extracting(Violation::message)
                .containsExactly("the tickets you received are not transferable");
    }

    @Test
    void reassignmentClosesTheCutoffBeforeKickoff() {
        Sold sold = new Sold(true);
        Instant deadline = KICKOFF.minus(CUTOFF);

        QuotaRefusal refusal = refused(sold, "Bea Other", "bea@friends.example", null, deadline);
        assertThat(refusal.kind()).isEqualTo(QuotaRefusal.Kind.CONFLICT);
        assertThat(refusal.violations().get(0).message())
                .isEqualTo("tickets can be given to someone else until 2026-12-11T17:30:00Z (120 minutes before "
                        + "kick-off)");
        refused(sold, "Bea Other", "bea@friends.example", null, KICKOFF.plusSeconds(60));

        sold.reassign("Bea Other", "bea@friends.example", null, deadline.minusSeconds(1));
        assertThat(sold.t.attendeeVersion).isEqualTo(1);
    }

    @Test
    void aMatchWithoutAKnownKickoffHasNoDeadline() {
        Sold sold = new Sold(true, false, KICKOFF);
        sold.home.kickoff = null;

        sold.reassign("Bea Other", "bea@friends.example", null, KICKOFF.plus(Duration.ofDays(1)));

        assertThat(sold.t.attendeeVersion).isEqualTo(1);
    }

    @Test
    void theSamePersonABlankNameOrAMalformedEmailAreRefusedByField() {
        Sold sold = new Sold(true);

        QuotaRefusal same = refused(sold, "Ann G.", " ANN@friends.example ", null, NOW);
        assertThat(same.kind()).isEqualTo(QuotaRefusal.Kind.INVALID);
        assertThat(same.violations()).extracting(Violation::field, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("email", "is the ticket's attendee already; give someone else"));

        QuotaRefusal both = refused(sold, "  ", "bea@friends", null, NOW);
        assertThat(both.kind()).isEqualTo(QuotaRefusal.Kind.INVALID);
        assertThat(both.violations()).extracting(Violation::field).containsExactly("name", "email");
        assertThat(refused(sold, null, null, null, NOW).violations()).extracting(Violation::field)
                .containsExactly("name", "email");
        assertThat(refused(sold, "x".repeat(201), "bea@friends.example", null, NOW).violations())
                .extracting(Violation::field).containsExactly("name");
    }

    @Test
    void ofTwoReassignmentsFromTheSameCardTheSecondIsAConflictNamingTheCurrentAttendee() {
        Sold sold = new Sold(true);
        sold.reassign("Bea Other", "bea@friends.example", 0, NOW);

        QuotaRefusal refusal = refused(sold, "Cem Third", "cem@friends.example", 0, NOW);

        assertThat(refusal.kind()).isEqualTo(QuotaRefusal.Kind.CONFLICT);
        assertThat(refusal.violations()).extracting(Violation::field, Violation::message, Violation::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attendeeVersion",
                        "the ticket was changed meanwhile; its attendee is now Bea Other <bea@friends.example>",
                        "1"));
    }

    @Test
    void aTicketNotSoldOrNotOfTheQuotaCannotBeReassigned() {
        Sold sold = new Sold(true);
        Ticket free = sold.home.tickets().get(1);
        assertThat(free.status).isEqualTo(TicketStatus.ALLOCATED);

        QuotaRefusal notSold = catchThrowableOfType(() -> sold.home.reassign(new Quota.Reassignment(free.id,
                "Bea Other", "bea@friends.example", null), NOW, CUTOFF), QuotaRefusal.class);
        assertThat(notSold.kind()).isEqualTo(QuotaRefusal.Kind.CONFLICT);
        assertThat(notSold.violations().get(0).message())
                .isEqualTo("the ticket is allocated; only a sold ticket can be given to another attendee");

        QuotaRefusal unknown = catchThrowableOfType(() -> sold.home.reassign(new Quota.Reassignment(
                UUID.randomUUID(), "Bea Other", "bea@friends.example", null), NOW, CUTOFF), QuotaRefusal.class);
        assertThat(unknown.kind()).isEqualTo(QuotaRefusal.Kind.INVALID);
        assertThat(unknown.violations()).extracting(Violation::field).containsExactly("ticketId");
    }

    @Test
    void cancellingASoldTicketVoidsItsCodeAndKeepingItDoesNot() {
        Sold kept = new Sold(true);
        kept.home.cancel(CancellationScope.UNFULFILLED_ONLY, List.of(), Set.of(), NOW);
        assertThat(kept.ticketState()).isEqualTo("SOLD Ann Guest <ann@friends.example> v0");
        assertThat(kept.home.tickets().get(1).attendeeVersion).as("an unsold ticket had no code").isZero();

        Sold cancelled = new Sold(true);
        cancelled.home.cancel(CancellationScope.ALL_UNUSED, List.of(), Set.of(), NOW);
        assertThat(cancelled.ticketState()).isEqualTo("CANCELLED Ann Guest <ann@friends.example> v1");
        assertThat(cancelled.home.tickets().get(1).attendeeVersion).isZero();
        QuotaRefusal refusal = refused(cancelled, "Bea Other", "bea@friends.example", null, NOW);
        assertThat(refusal.kind()).isEqualTo(QuotaRefusal.Kind.CONFLICT);
    }
}
