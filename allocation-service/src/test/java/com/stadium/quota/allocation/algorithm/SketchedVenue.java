package com.stadium.quota.allocation.algorithm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A small venue drawn as text, one sector at a time, one string per row (front row first):
 * {@code .} a free seat, {@code x} a taken seat, {@code a} a wheelchair place, {@code c} a companion seat,
 * {@code 1}-{@code 9} a free seat of that quality (tens), {@code |} an aisle. Plain seats have quality 50.
 */
final class SketchedVenue {

    private final List<SeatingPlan.Seat> seats = new ArrayList<>();
    private final List<Long> taken = new ArrayList<>();
    private int sectors;

    SketchedVenue sector(String code, String... rows) {
        int position = sectors++;
        for (int r = 0; r < rows.length; r++) {
            int number = 0;
            int block = 0;
            for (char mark : rows[r].toCharArray()) {
                if (mark == '|') {
                    block++;
                    continue;
                }
                number++;
                long id = seats.size() + 1L;
                int quality = Character.isDigit(mark) ? (mark - '0') * 10 : 50;
                seats.add(new SeatingPlan.Seat(id, code, "CAT1", position, r + 1, Integer.toString(r + 1), number,
                        Integer.toString(number), block, mark == 'a', mark == 'c', false, quality, number + block, r + 1));
                if (mark == 'x') {
                    taken.add(id);
                }
            }
        }
        return this;
    }

    SeatingPlan plan() {
        return SeatingPlan.of(seats);
    }

    /** The seats marked taken, as plan indexes. */
    BitSet occupied() {
        SeatingPlan plan = plan();
        BitSet occupied = new BitSet(plan.size());
        taken.forEach(id -> occupied.set(plan.indexOf(id)));
        return occupied;
    }

    /** "W1 r2 s3" for each chosen seat: easy to read in assertions. */
    static List<String> labels(SeatingPlan plan, Allocation allocation) {
        return allocation.seats().stream().map(plan::seat)
                .map(s -> s.sector() + " r" + s.row() + " s" + s.number()).toList();
    }
}
