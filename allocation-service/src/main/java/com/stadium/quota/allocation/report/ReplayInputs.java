package com.stadium.quota.allocation.report;

import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;

/**
 * What an allocation needs to be computed again: the request, its seed, and the seats it saw taken in each of its
 * sectors (for several matches, taken at any of them), as a bit set over the sector's seats in plan order, Base64
 * (a 2,000-seat sector is 340 characters). Seats outside the request's sectors never change its result.
 */
public record ReplayInputs(long venueId, List<Long> matchIds, Algorithm algorithm, List<String> sectors,
        int quantity, boolean includeAccessible, boolean allowPartial, long seed, Map<String, String> takenBySector) {

    public ReplayInputs {
        matchIds = List.copyOf(matchIds);
        sectors = List.copyOf(sectors);
        takenBySector = takenBySector == null ? Map.of() : new LinkedHashMap<>(takenBySector);
    }

    /** The inputs of a request on the seats the algorithm saw taken. */
    public static ReplayInputs of(long venueId, List<Long> matchIds, SeatRequest request, SeatingPlan plan,
            BitSet occupied) {
        Map<String, String> taken = new LinkedHashMap<>();
        for (String code : request.sectors()) {
            plan.sector(code).ifPresent(sector -> taken.put(code, Base64.getEncoder()
                    .encodeToString(occupied.get(sector.from(), sector.to()).toByteArray())));
        }
        return new ReplayInputs(venueId, matchIds, request.algorithm(), request.sectors(), request.quantity(),
                request.includeAccessible(), request.allowPartial(), request.seed(), taken);
    }

    public SeatRequest request() {
        return new SeatRequest(algorithm, sectors, quantity, includeAccessible, allowPartial, seed);
    }

    /** The seats seen taken, as plan indexes; a sector the plan no longer has is left out. */
    public BitSet occupied(SeatingPlan plan) {
        BitSet occupied = new BitSet(plan.size());
        takenBySector.forEach((code, bits) -> plan.sector(code).ifPresent(sector -> {
            BitSet taken = BitSet.valueOf(Base64.getDecoder().decode(bits));
            taken.stream().filter(i -> i < sector.size()).forEach(i -> occupied.set(sector.from() + i));
        }));
        return occupied;
    }
}
