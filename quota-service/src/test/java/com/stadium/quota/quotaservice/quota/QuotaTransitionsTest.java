package com.stadium.quota.quotaservice.quota;

import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.ALLOCATED;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.ALLOCATION_FAILED;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.CANCELLED;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.PENDING_ALLOCATION;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.RESERVED;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.RESERVED_PAYING;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.From.SOLD;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.ALLOCATE;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.ATTEND;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.CANCEL_ALL_UNUSED;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.CANCEL_UNFULFILLED;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.PASS_ON;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.PAY;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.REASSIGN;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.RELEASE;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.RESERVE;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.RETRACT;
import static com.stadium.quota.quotaservice.quota.QuotaTransitionsTest.Move.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quota's status machine as one table: every transition from every ticket status (and from the quota states
 * before seats are held), allowed or refused, and what it leads to. A refusal must change nothing.
 */
class QuotaTransitionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant KICKOFF = NOW.plus(Duration.ofDays(10));
    static final Duration HOLD = Duration.ofMinutes(15);
    static final String HOLDER = "hanna@sponsor.example";

    /** Where the ticket under test (T) or, without tickets, its quota stands before the transition. */
    enum From {
        /** A quota waiting for its seats: no ticket yet. */
        PENDING_ALLOCATION,
        /** A quota whose allocation failed: no ticket. */
        ALLOCATION_FAILED,
        /** T is free; the claim that once held it was given up. */
        ALLOCATED,
        /** T is RESERVED in a claim at step 1. */
        RESERVED,
        /** T is RESERVED in a claim waiting for its payment. */
        RESERVED_PAYING,
        /** T is SOLD (its claim completed). */
        SOLD,
        /** T was sold and then cancelled with its whole quota ("all unused"). */
        CANCELLED
    }

    /** Every transition the quota owns. */
    enum Move {
        ALLOCATE, RESERVE, ATTEND, PAY, SELL, RELEASE, PASS_ON, RETRACT, REASSIGN, CANCEL_UNFULFILLED,
        CANCEL_ALL_UNUSED
    }

    static final Set<Move> QUOTA_MOVES = EnumSet.of(ALLOCATE, RESERVE, PASS_ON, CANCEL_UNFULFILLED,
            CANCEL_ALL_UNUSED);

    private static Arguments row(Move move, From from, String after) {
        return Arguments.of(move, from, after);
    }

    /**
     * "T <status>[ v<attendee version> when above 0][ in subquota], quota <state>" after the move, or "refused".
     * T's codes from before a "v1" are void.
     */
    static Stream<Arguments> everyTransitionFromEveryStatus() {
        return Stream.of(
                row(ALLOCATE, PENDING_ALLOCATION, "quota ALLOCATED"),
                row(ALLOCATE, ALLOCATION_FAILED, "quota ALLOCATION_FAILED"),
                row(ALLOCATE, ALLOCATED, "T ALLOCATED, quota ALLOCATED"),
                row(ALLOCATE, RESERVED, "T RESERVED, quota ALLOCATED"),
                row(ALLOCATE, RESERVED_PAYING, "T RESERVED, quota ALLOCATED"),
                row(ALLOCATE, SOLD, "T SOLD, quota ALLOCATED"),
                row(ALLOCATE, CANCELLED, "T CANCELLED v1, quota CANCELLED"),

                row(RESERVE, PENDING_ALLOCATION, "refused"),
                row(RESERVE, ALLOCATION_FAILED, "refused"),
                row(RESERVE, ALLOCATED, "T RESERVED, quota ALLOCATED"),
                row(RESERVE, RESERVED, "refused"),
                row(RESERVE, RESERVED_PAYING, "refused"),
                row(RESERVE, SOLD, "refused"),
                row(RESERVE, CANCELLED, "refused"),

                row(ATTEND, ALLOCATED, "refused"),
                row(ATTEND, RESERVED, "T RESERVED, quota ALLOCATED"),
                row(ATTEND, RESERVED_PAYING, "refused"),
                row(ATTEND, SOLD, "refused"),
                row(ATTEND, CANCELLED, "refused"),

                row(PAY, ALLOCATED, "refused"),
                row(PAY, RESERVED, "refused"),
                row(PAY, RESERVED_PAYING, "T RESERVED, quota ALLOCATED"),
                row(PAY, SOLD, "refused"),
                row(PAY, CANCELLED, "refused"),

                row(SELL, ALLOCATED, "refused"),
                row(SELL, RESERVED, "refused"),
                row(SELL, RESERVED_PAYING, "T SOLD, quota ALLOCATED"),
                row(SELL, SOLD, "refused"),
                row(SELL, CANCELLED, "refused"),

                row(RELEASE, ALLOCATED, "refused"),
                row(RELEASE, RESERVED, "T ALLOCATED, quota ALLOCATED"),
                row(RELEASE, RESERVED_PAYING, "T ALLOCATED, quota ALLOCATED"),
                row(RELEASE, SOLD, "refused"),
                row(RELEASE, CANCELLED, "refused"),

                row(PASS_ON, PENDING_ALLOCATION, "refused"),
                row(PASS_ON, ALLOCATION_FAILED, "refused"),
                row(PASS_ON, ALLOCATED, "T ALLOCATED in subquota, quota ALLOCATED"),
                row(PASS_ON, RESERVED, "refused"),
                row(PASS_ON, RESERVED_PAYING, "refused"),
                row(PASS_ON, SOLD, "refused"),
                row(PASS_ON, CANCELLED, "refused"),

                // T lives in a subquota here; a retraction brings the ALLOCATED ones back to the parent
                row(RETRACT, ALLOCATED, "T ALLOCATED, quota ALLOCATED"),
                row(RETRACT, RESERVED, "refused"),
                row(RETRACT, RESERVED_PAYING, "refused"),
                row(RETRACT, SOLD, "refused"),
                row(RETRACT, CANCELLED, "refused"),

                // the quota is transferable; the ticket's attendee changes only when it was sold
                row(REASSIGN, ALLOCATED, "refused"),
                row(REASSIGN, RESERVED, "refused"),
                row(REASSIGN, RESERVED_PAYING, "refused"),
                row(REASSIGN, SOLD, "T SOLD v1, quota ALLOCATED"),
                row(REASSIGN, CANCELLED, "refused"),

                row(CANCEL_UNFULFILLED, PENDING_ALLOCATION, "quota CANCELLED"),
                row(CANCEL_UNFULFILLED, ALLOCATION_FAILED, "quota CANCELLED"),
                row(CANCEL_UNFULFILLED, ALLOCATED, "T CANCELLED, quota CANCELLED"),
                row(CANCEL_UNFULFILLED, RESERVED, "T CANCELLED, quota CANCELLED"),
                row(CANCEL_UNFULFILLED, RESERVED_PAYING, "T CANCELLED, quota CANCELLED"),
                row(CANCEL_UNFULFILLED, SOLD, "T SOLD, quota CANCELLED"),
                row(CANCEL_UNFULFILLED, CANCELLED, "refused"),

                row(CANCEL_ALL_UNUSED, PENDING_ALLOCATION, "quota CANCELLED"),
                row(CANCEL_ALL_UNUSED, ALLOCATION_FAILED, "quota CANCELLED"),
                row(CANCEL_ALL_UNUSED, ALLOCATED, "T CANCELLED, quota CANCELLED"),
                row(CANCEL_ALL_UNUSED, RESERVED, "T CANCELLED, quota CANCELLED"),
                row(CANCEL_ALL_UNUSED, RESERVED_PAYING, "T CANCELLED, quota CANCELLED"),
                row(CANCEL_ALL_UNUSED, SOLD, "T CANCELLED v1, quota CANCELLED"),
                row(CANCEL_ALL_UNUSED, CANCELLED, "refused"));
    }

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @MethodSource
    void everyTransitionFromEveryStatus(Move move, From from, String expected) {
        World world = new World(from, move == RETRACT);
        String before = world.snapshot();
        String after;
        try {
            world.apply(move);
            after = world.describe();
        } catch (QuotaRefusal refused) {
            assertThat(refused.violations()).as("a refusal says why").isNotEmpty();
            assertThat(world.snapshot()).as("a refusal changes nothing").isEqualTo(before);
            after = "refused";
        }
        assertThat(after).isEqualTo(expected);
    }

    @Test
    void theTableHasEveryTransitionFromEveryStatus() {
        List<String> rows = everyTransitionFromEveryStatus().map(a -> a.get()[0] + "/" + a.get()[1]).toList();
        List<String> wanted = new ArrayList<>();
        for (Move move : Move.values()) {
            for (From from : From.values()) {
                boolean quotaOnly = from == PENDING_ALLOCATION || from == ALLOCATION_FAILED;
                if (!quotaOnly || QUOTA_MOVES.contains(move)) {
                    wanted.add(move + "/" + from);
                }
            }
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(wanted);
    }

    /**
     * A transferable quota of three seats (20 % off 60.00) for a holder who may delegate, with the ticket T brought to
     * its status by the quota's own transitions; for a retraction T is in a subquota.
     */
    static final class World {

        final Quota parent;
        Quota home;
        Ticket t;
        Claim claim;

        World(From from, boolean inSubquota) {
            parent = Quota.create(new NewQuota(HOLDER, "Hanna Holder", List.of(1L), List.of("W1"), 3, 20, "NM", null,
                    true, true, false, false, null), new MatchInfo(1, "FC Example v Rovers", KICKOFF, "ARENA",
                            Map.of("W1", 100)), null, UUID.randomUUID(), "admin", NOW);
            home = parent;
            if (from == PENDING_ALLOCATION) {
                return;
            }
            if (from == ALLOCATION_FAILED) {
                parent.applyAllocation(new Quota.Allocation(Quota.Allocation.Outcome.FAILED, 3, 0, 1, "too few",
                        7L, List.of()), NOW);
                return;
            }
            parent.applyAllocation(allocation(), NOW);
            t = parent.tickets().get(0);
            if (inSubquota) {
                UUID sub = ((QuotaEvent.TicketsPassedOn) parent.passOn(new Quota.PassOn("gus@friends.example", "Gus",
                        null, List.of(t.id), null), HOLDER, NOW).get(0)).subquotaId();
                home = parent.subquota(sub);
            }
            String claimant = home.holderEmail;
            UUID claimId = ((QuotaEvent.TicketsReserved) home.reserve(List.of(t.id), claimant, claimant, NOW, HOLD)
                    .get(0)).claimId();
            claim = home.added.stream().filter(e -> e instanceof Claim c && c.id.equals(claimId))
                    .map(Claim.class::cast).findFirst().orElseThrow();
            switch (from) {
                case ALLOCATED -> home.release(claim, "ABANDONED", NOW);
                case RESERVED_PAYING -> toPayment(claimant);
                case SOLD -> {
                    toPayment(claimant);
                    home.sell(claim, NOW);
                }
                case CANCELLED -> {
                    toPayment(claimant);
                    home.sell(claim, NOW);
                    home.cancel(CancellationScope.ALL_UNUSED, List.of(), Set.of(), NOW);
                }
                default -> {
                }
            }
        }

        private void toPayment(String claimant) {
            home.attend(claim, List.of(new ClaimRules.Attendee(t.id, "Ann Guest", "ann@friends.example")), claimant,
                    NOW);
            home.requestPayment(claim, null, NOW, Duration.ofMinutes(15));
            home.paymentStarted(claim, "pay-" + claim.id, NOW);
        }

        private static Quota.Allocation allocation() {
            List<Quota.HeldSeat> seats = List.of(new Quota.HeldSeat(101, "W1", "7", "1", "CAT2", 6000),
                    new Quota.HeldSeat(102, "W1", "7", "2", "CAT2", 6000),
                    new Quota.HeldSeat(103, "W1", "7", "3", "CAT2", 6000));
            return new Quota.Allocation(Quota.Allocation.Outcome.ALLOCATED, 3, 3, 100, null, 7L, seats);
        }

        void apply(Move move) {
            String claimant = home.holderEmail;
            switch (move) {
                case ALLOCATE -> home.applyAllocation(allocation(), NOW);
                case RESERVE -> home.reserve(List.of(t == null ? UUID.randomUUID() : t.id), claimant, claimant, NOW,
                        HOLD);
                case ATTEND -> home.attend(claim, List.of(new ClaimRules.Attendee(t.id, "Ann Guest",
                        "ann@friends.example")), claimant, NOW);
                case PAY -> home.requestPayment(claim, null, NOW, Duration.ofMinutes(15));
                case SELL -> home.sell(claim, NOW);
                case RELEASE -> home.release(claim, "ABANDONED", NOW);
                case PASS_ON -> home.passOn(t == null
                        ? new Quota.PassOn("gus@friends.example", "Gus", 1, null, null)
                        : new Quota.PassOn("gus@friends.example", "Gus", null, List.of(t.id), null), claimant, NOW);
                case RETRACT -> parent.retract(home, NOW);
                case REASSIGN -> home.reassign(new Quota.Reassignment(t.id, "Bea Other", "bea@friends.example", null),
                        NOW, Duration.ofHours(2));
                case CANCEL_UNFULFILLED -> home.cancel(CancellationScope.UNFULFILLED_ONLY, openClaims(), Set.of(),
                        NOW);
                case CANCEL_ALL_UNUSED -> home.cancel(CancellationScope.ALL_UNUSED, openClaims(), Set.of(), NOW);
            }
        }

        private List<Claim> openClaims() {
            return claim != null && ClaimRules.isOpen(claim.step) ? List.of(claim) : List.of();
        }

        /** What a user would see of the outcome: T's status and where it is, and the state of the holder's quota. */
        String describe() {
            if (t == null) {
                return "quota " + home.state;
            }
            boolean inSubquota = !t.quotaId.equals(parent.id);
            return "T " + t.status + (t.attendeeVersion > 0 ? " v" + t.attendeeVersion : "")
                    + (inSubquota ? " in subquota" : "") + ", quota " + parent.state;
        }

        /** Everything a transition may change. */
        String snapshot() {
            List<String> parts = new ArrayList<>();
            for (Quota quota : home == parent ? List.of(parent) : List.of(parent, home)) {
                parts.add(quota.id + ":" + quota.state + ":" + quota.unfulfilled + ":" + quota.tickets.size());
                quota.tickets.forEach(ticket -> parts.add(ticket.id + ":" + ticket.quotaId + ":" + ticket.status + ":"
                        + ticket.claimId + ":" + ticket.attendeeName + ":" + ticket.attendeeEmail + ":"
                        + ticket.attendeeVersion + ":" + ticket.paidCents));
            }
            if (claim != null) {
                parts.add(claim.step + ":" + claim.paymentId + ":" + claim.amountCents + ":" + claim.returnUrl);
            }
            return String.join("|", parts);
        }
    }
}
