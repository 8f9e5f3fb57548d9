package com.stadium.quota.benchmarks;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Allocator;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.venue.StadiumGenerator;
import com.stadium.quota.allocation.venue.VenueLayout;

/** The demo stadium as a seating plan, and inventories filled to a given occupancy the way quotas fill it. */
final class Arena {

    static final List<String> ALL_SECTORS;
    static final SeatingPlan PLAN;

    static {
        VenueLayout layout = StadiumGenerator.generate("ARENA", "Example Arena");
        List<SeatingPlan.Seat> seats = new ArrayList<>(layout.seatCount());
        List<String> codes = new ArrayList<>();
        long id = 1;
        for (int position = 0; position < layout.sectors().size(); position++) {
            VenueLayout.Sector sector = layout.sectors().get(position);
            codes.add(sector.code());
            for (VenueLayout.Seat s : sector.seats()) {
                seats.add(new SeatingPlan.Seat(id++, sector.code(), sector.category(), position, s.row(), s.rowLabel(),
                        s.number(), s.label(), s.block(), s.accessible(), s.companion(), s.restrictedView(),
                        s.quality(), s.x(), s.y()));
            }
        }
        PLAN = SeatingPlan.of(seats);
        ALL_SECTORS = List.copyOf(codes);
    }

    private Arena() {
    }

    /**
     * Seats held until {@code percent} of the stadium is taken: groups of 1 to 12 seated by NM in random sectors,
     * with one in four groups drawn by REDOM, as a season of quotas would leave it. Deterministic per seed.
     */
    static BitSet occupied(int percent, long seed) {
        BitSet occupied = new BitSet(PLAN.size());
        int target = (int) ((long) PLAN.size() * percent / 100);
        SplittableRandom random = new SplittableRandom(seed);
        while (occupied.cardinality() < target) {
            String sector = ALL_SECTORS.get(random.nextInt(ALL_SECTORS.size()));
            int size = Math.min(1 + random.nextInt(12), target - occupied.cardinality());
            Algorithm algorithm = random.nextInt(4) == 0 ? Algorithm.REDOM : Algorithm.NM;
            Allocation fill = Allocator.allocate(PLAN, occupied,
                    new SeatRequest(algorithm, List.of(sector), size, true, true, random.nextLong()));
            fill.seats().forEach(occupied::set);
        }
        return occupied;
    }
}
