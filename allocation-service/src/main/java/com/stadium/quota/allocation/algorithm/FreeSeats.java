package com.stadium.quota.allocation.algorithm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The seats a request may use: not occupied (in any of its matches), and not a wheelchair place or companion
 * seat unless the request includes accessible seats.
 */
final class FreeSeats {

    /** Seats {@code from} (inclusive) to {@code to} (exclusive) of one row, free and without an aisle between. */
    record Run(int from, int to) {
        int length() {
            return to - from;
        }
    }

    private final SeatingPlan plan;
    private final BitSet occupied;
    private final boolean includeAccessible;

    FreeSeats(SeatingPlan plan, BitSet occupied, boolean includeAccessible) {
        this.plan = plan;
        this.occupied = occupied;
        this.includeAccessible = includeAccessible;
    }

    SeatingPlan plan() {
        return plan;
    }

    boolean isFree(int index) {
        if (occupied.get(index)) {
            return false;
        }
        SeatingPlan.Seat seat = plan.seat(index);
        return includeAccessible || !(seat.accessible() || seat.companion());
    }

    int count(SeatingPlan.Sector sector) {
        int free = 0;
        for (int i = sector.from(); i < sector.to(); i++) {
            if (isFree(i)) {
                free++;
            }
        }
        return free;
    }

    /** The maximal runs of free seats in a row, left to right. */
    List<Run> runs(SeatingPlan.Row row) {
        List<Run> runs = new ArrayList<>();
        int start = -1;
        for (int i = row.from(); i < row.to(); i++) {
            if (!isFree(i)) {
                if (start >= 0) {
                    runs.add(new Run(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            } else if (!plan.continuesRun(i)) {
                runs.add(new Run(start, i));
                start = i;
            }
        }
        if (start >= 0) {
            runs.add(new Run(start, row.to()));
        }
        return runs;
    }

    List<Integer> indexes(SeatingPlan.Sector sector) {
        List<Integer> free = new ArrayList<>();
        for (int i = sector.from(); i < sector.to(); i++) {
            if (isFree(i)) {
                free.add(i);
            }
        }
        return free;
    }

    int quality(int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += plan.seat(i).quality();
        }
        return sum;
    }
}
