package com.stadium.quota.allocation.algorithm;

import java.util.BitSet;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One request over one or more matches of a venue: a seat is free only if it is free at every match, and a group
 * that fails says how many seats each match alone has free (the one with too few blocks it). Pure: the occupied
 * seats of each match come from the caller (the inventory, or a scratch copy of it for a dry run).
 */
public final class MultiMatch {

    private MultiMatch() {
    }

    /** Seats a request could use at one match on its own. */
    public record MatchFree(long matchId, int freeSeats) {
    }

    /**
     * @param freeByMatch for a multi-match request that FAILED, each match's own free seats; empty otherwise
     * @param occupied the seats the algorithm saw as taken: the union over the matches
     */
    public record Result(Allocation allocation, List<MatchFree> freeByMatch, BitSet occupied) {
    }

    /** @param occupied each match's occupied seats as plan indexes; not changed */
    public static Result allocate(SeatingPlan plan, List<Long> matchIds, SeatRequest request,
            LongFunction<BitSet> occupied) {
        BitSet union = new BitSet(plan.size());
        matchIds.forEach(id -> union.or(occupied.apply(id)));
        Allocation allocation = Allocator.allocate(plan, union, request);
        List<MatchFree> freeByMatch = List.of();
        if (allocation.outcome() == Allocation.Outcome.FAILED && matchIds.size() > 1) {
            freeByMatch = matchIds.stream()
                    .map(id -> new MatchFree(id, Allocator.freeSeats(plan, occupied.apply(id), request))).toList();
        }
        return new Result(allocation, freeByMatch, union);
    }
}
