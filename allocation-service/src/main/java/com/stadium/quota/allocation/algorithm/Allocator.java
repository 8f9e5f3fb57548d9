package com.stadium.quota.allocation.algorithm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the algorithms: checks the request, counts the free seats, applies the partial rule of
 * DESIGN.md, and lets NM or REDOM choose the seats. Pure and deterministic: same plan, same occupied seats and
 * same request give the same seats.
 */
public final class Allocator {

    private Allocator() {
    }

    /**
     * @param occupied seats that are not free, as plan indexes: for several matches, the union of each match's
     *        held seats, so a seat counts as free only if it is free in every match
     */
    public static Allocation allocate(SeatingPlan plan, BitSet occupied, SeatRequest request) {
        if (request.quantity() < 1) {
            return Allocation.rejected(request.quantity(), "quantity must be at least 1");
        }
        Optional<String> unknown = request.sectors().stream().filter(code -> plan.sector(code).isEmpty()).findFirst();
        if (unknown.isPresent()) {
            return Allocation.rejected(request.quantity(), "unknown sector " + unknown.get());
        }
        if (request.sectors().isEmpty()) {
            return Allocation.rejected(request.quantity(), "no sector given");
        }
        List<SeatingPlan.Sector> sectors = sectors(plan, request);
        FreeSeats free = new FreeSeats(plan, occupied, request.includeAccessible());
        int freeCount = sectors.stream().mapToInt(free::count).sum();
        if (freeCount == 0 || freeCount < request.quantity() && !request.allowPartial()) {
            return Allocation.failed(request.quantity(), freeCount);
        }
        int wanted = Math.min(request.quantity(), freeCount);
        NeighbouringSeats.Picked picked = switch (request.algorithm()) {
            case NM -> NeighbouringSeats.pick(free, sectors, wanted);
            case REDOM -> new NeighbouringSeats.Picked(RandomEvenDistribution.pick(free, sectors, wanted,
                    request.seed()), Rule.RANDOM);
        };
        List<Integer> seats = new ArrayList<>(picked.seats());
        seats.sort(null);
        Allocation.Outcome outcome = wanted == request.quantity()
                ? Allocation.Outcome.ALLOCATED : Allocation.Outcome.PARTIALLY_ALLOCATED;
        return new Allocation(outcome, request.quantity(), seats, freeCount, null, picked.rule());
    }

    /** Seats the request could use in its sectors (known ones only), given the occupied seats. */
    public static int freeSeats(SeatingPlan plan, BitSet occupied, SeatRequest request) {
        FreeSeats free = new FreeSeats(plan, occupied, request.includeAccessible());
        return sectors(plan, request).stream().mapToInt(free::count).sum();
    }

    private static List<SeatingPlan.Sector> sectors(SeatingPlan plan, SeatRequest request) {
        List<SeatingPlan.Sector> sectors = new ArrayList<>();
        for (String code : new LinkedHashSet<>(request.sectors())) {
            plan.sector(code).ifPresent(sectors::add);
        }
        return sectors;
    }
}
