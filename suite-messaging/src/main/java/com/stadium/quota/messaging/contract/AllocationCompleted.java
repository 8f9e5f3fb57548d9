package com.stadium.quota.messaging.contract;

import java.util.List;
import java.util.UUID;

/**
 * allocation-service's answer to an {@link AllocationRequested}, on {@code allocation-results} keyed by the
 * first quota id.
 *
 * <pre>
 * {"requestId":"6f1c…","outcome":"ALLOCATED","requested":4,"allocated":4,"freeSeats":1312,"reason":null,
 *  "algorithm":"NM","seed":812734,"freeByMatch":[],
 *  "holds":[{"matchId":1,"quotaId":"a7e2…","seats":[{"seatId":1021,"sector":"W3","row":"12","seat":"17","category":"CAT1","priceCents":8500}, …]}],
 *  "seatQuality":{"rule":"1","together":true,"blocks":1,"rows":1,"sectors":1,"orphansCreated":0,"meanQuality":71.5}}
 * </pre>
 *
 * @param outcome ALLOCATED, PARTIALLY_ALLOCATED (the rest is unfulfilled), FAILED (too few free, nothing
 *        held) or REJECTED (the request is wrong: unknown match or sector, ...)
 * @param allocated seats held per match (the same number at every match of a group)
 * @param freeSeats seats that were free for the request in every one of its matches
 * @param freeByMatch when FAILED: free seats at each match alone, to show which match blocks the group
 * @param holds the seats held, per match and quota; empty unless allocated
 * @param seatQuality how the held seats sit (optional: added after version 1 was first published); null when
 *        none is held
 */
@EventType(name = AllocationCompleted.TYPE, version = AllocationCompleted.VERSION, topic = Topics.ALLOCATION_RESULTS)
public record AllocationCompleted(UUID requestId, Outcome outcome, int requested, int allocated, int freeSeats,
        String reason, AllocationRequested.Algorithm algorithm, long seed, List<MatchFree> freeByMatch,
        List<MatchHolds> holds, SeatQuality seatQuality) implements SuiteEvent {

    public static final String TYPE = "allocation.completed";
    public static final int VERSION = 1;

    /** What became of the request; a value this version does not know sends the event to the dead-letter topic. */
    public enum Outcome {
        /** Every seat asked for is held. */
        ALLOCATED,
        /** Fewer seats were free than asked and partial was allowed: all free ones are held. */
        PARTIALLY_ALLOCATED,
        /** Fewer seats were free than asked: nothing is held. */
        FAILED,
        /** The request itself is wrong (unknown match or sector, quantity below one): nothing is held. */
        REJECTED;

        /** ALLOCATED and PARTIALLY_ALLOCATED hold seats. */
        public boolean holdsSeats() {
            return this == ALLOCATED || this == PARTIALLY_ALLOCATED;
        }
    }

    /** Free seats at one match alone. */
    public record MatchFree(long matchId, int freeSeats) {
    }

    /** The seats one quota holds at one match. */
    public record MatchHolds(long matchId, UUID quotaId, List<HeldSeat> seats) {
    }

    /**
     * A held seat, with the labels a ticket shows, its sector's price category and the full price at that match
     * (both optional: added after version 1 was first published).
     */
    public record HeldSeat(long seatId, String sector, String row, String seat, String category,
            Integer priceCents) {
    }

    /**
     * The summary of allocation-service's seat-quality report (GET /api/allocations/{requestId} has all of it).
     *
     * @param rule how DESIGN.md names the rule that chose the seats: 1, 2, 3, split or random
     * @param together the whole group side by side in one row
     * @param orphansCreated single free seats the allocation left stranded
     * @param meanQuality mean seat quality, 0-100
     */
    public record SeatQuality(String rule, boolean together, int blocks, int rows, int sectors,
            int orphansCreated, double meanQuality) {
    }

    /** A result without a seat-quality summary, as version 1 was first published. */
    public AllocationCompleted(UUID requestId, Outcome outcome, int requested, int allocated, int freeSeats,
            String reason, AllocationRequested.Algorithm algorithm, long seed, List<MatchFree> freeByMatch,
            List<MatchHolds> holds) {
        this(requestId, outcome, requested, allocated, freeSeats, reason, algorithm, seed, freeByMatch, holds, null);
    }

    public AllocationCompleted {
        freeByMatch = freeByMatch == null ? List.of() : List.copyOf(freeByMatch);
        holds = holds == null ? List.of() : List.copyOf(holds);
    }
}
