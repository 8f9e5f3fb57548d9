package com.stadium.quota.allocation.preview;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.stadium.quota.allocation.request.SeatAllocation.Occupancy;
import com.stadium.quota.allocation.algorithm.SeatingPlan;

/**
 * A scratch copy of the occupied seats of the matches a dry run looks at: each match is copied from the inventory
 * when first needed, and the seats a request of the dry run would take are marked here only, so the next request
 * of the same dry run sees them taken. The inventory itself is never changed.
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
