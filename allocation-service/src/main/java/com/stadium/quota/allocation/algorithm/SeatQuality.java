package com.stadium.quota.allocation.algorithm;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How well an allocation seated its group (DESIGN.md, "Seat-quality report"): the rule that chose the seats, how
 * many blocks (runs of adjacent seats without an aisle), rows and sectors they cover, the single orphan seats the
 * allocation created, and the mean seat quality (0-100). Computed from the plan, the seats that were occupied
 * before, and the allocation; pure.
 *
 * @param rule null when no seat was held
 * @param orphansCreated free seats of the touched rows that are stranded alone after the allocation and were not
 *        before (between the group and an aisle, a row end or a taken seat)
 * @param meanQuality mean of the held seats' quality; 0 when none is held
 */
public record SeatQuality(Rule rule, int seats, int blocks, int rows, int sectors, int orphansCreated,
        double meanQuality) {

    /** One block: the whole group sits side by side in one row. */
    public boolean together() {
        return blocks == 1;
    }

    /**
     * @param occupiedBefore the seats the algorithm saw as taken (for several matches, their union)
     * @param includeAccessible whether wheelchair places and companion seats counted as free for the request
     */
    public static SeatQuality of(SeatingPlan plan, BitSet occupiedBefore, boolean includeAccessible,
            Allocation allocation) {
        List<Integer> seats = allocation.seats();
        if (seats.isEmpty()) {
            return new SeatQuality(null, 0, 0, 0, 0, 0, 0);
        }
        int blocks = 0;
        int previous = -2;
        Set<SeatingPlan.Row> rows = new HashSet<>();
        Set<String> sectors = new HashSet<>();
        long quality = 0;
        for (int seat : seats) {
            if (seat != previous + 1 || !plan.continuesRun(seat)) {
                blocks++;
            }
            previous = seat;
            rows.add(rowOf(plan, seat));
            sectors.add(plan.seat(seat).sector());
            quality += plan.seat(seat).quality();
        }
        BitSet after = (BitSet) occupiedBefore.clone();
        seats.forEach(after::set);
        FreeSeats before = new FreeSeats(plan, occupiedBefore, includeAccessible);
        FreeSeats now = new FreeSeats(plan, after, includeAccessible);
        int orphans = 0;
        for (SeatingPlan.Row row : rows) {
            BitSet singlesBefore = singles(before, row);
            BitSet singlesAfter = singles(now, row);
            singlesAfter.andNot(singlesBefore);
            orphans += singlesAfter.cardinality();
        }
        return new SeatQuality(allocation.rule(), seats.size(), blocks, rows.size(), sectors.size(), orphans,
                (double) quality / seats.size());
    }

    /** Single free seats left stranded in a plan: the seats alone in their run. */
    public static int singleFreeSeats(SeatingPlan plan, BitSet occupied, boolean includeAccessible) {
        FreeSeats free = new FreeSeats(plan, occupied, includeAccessible);
        int singles = 0;
        for (SeatingPlan.Sector sector : plan.sectors()) {
            for (SeatingPlan.Row row : sector.rows()) {
                singles += singles(free, row).cardinality();
            }
        }
        return singles;
    }

    private static BitSet singles(FreeSeats free, SeatingPlan.Row row) {
        BitSet singles = new BitSet();
        free.runs(row).stream().filter(run -> run.length() == 1).forEach(run -> singles.set(run.from()));
        return singles;
    }

    private static SeatingPlan.Row rowOf(SeatingPlan plan, int seat) {
        SeatingPlan.Sector sector = plan.sector(plan.seat(seat).sector()).orElseThrow();
        for (SeatingPlan.Row row : sector.rows()) {
            if (seat >= row.from() && seat < row.to()) {
                return row;
            }
        }
        throw new IllegalStateException("seat " + seat + " is in no row of its sector");
    }
}
