package com.stadium.quota.allocation.inventory;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.request.SeatAllocation.Occupancy;

/**
 * A scratch copy of the occupied seats of the matches a run of requests looks at (a dry run, or a poll answered in
 * one transaction): each match is copied from the inventory when first needed, and the seats a request takes are
 * marked here, so the next request of the run sees them taken. The inventory itself is not changed.
 */
public final class ScratchInventory implements Occupancy {

    private final Occupancy current;
    private final Map<Long, BitSet> scratch = new HashMap<>();

    /** @param current a match's occupied seats now (a copy the scratch may change) */
    public ScratchInventory(Occupancy current) {
        this.current = current;
    }

    /** The match's occupied seats in the scratch, including what earlier requests of the dry run took. */
    @Override
    public BitSet occupied(long matchId, SeatingPlan plan) {
        return scratch.computeIfAbsent(matchId, id -> current.occupied(id, plan));
    }

    /** Marks seats (plan indexes) as taken at every listed match. */
    public void take(SeatingPlan plan, Collection<Long> matchIds, List<Integer> seats) {
        for (long matchId : matchIds) {
            BitSet occupied = occupied(matchId, plan);
            seats.forEach(occupied::set);
        }
    }
}
