package com.stadium.quota.allocation.algorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A venue's seats as the algorithms see them: every seat has an index, seats are ordered by sector (in the
 * venue's order), row (front first) and number in the row, so a row is a range of indexes. Immutable and shared
 * by every match at the venue; which seats are taken at a match is a {@link java.util.BitSet} over these indexes.
 */
public final class SeatingPlan {

    /** One seat as loaded from the venue; x and y place it on a drawing of its sector. */
    public record Seat(long id, String sector, String category, int sectorPosition, int row, String rowLabel,
            int number, String label, int block, boolean accessible, boolean companion, boolean restrictedView,
            int quality, double x, double y) {
    }

    /** A row: the seats with indexes {@code from} (inclusive) to {@code to} (exclusive). */
    public record Row(int number, int from, int to) {
        public int size() {
            return to - from;
        }
    }

    /** A sector with its rows front to back, and the horizontal centre its best seats gather around. */
    public record Sector(String code, String category, int index, List<Row> rows, int from, int to, double centreX) {
        public int size() {
            return to - from;
        }
    }

    private final Seat[] seats;
    private final List<Sector> sectors;
    private final Map<String, Sector> byCode;
    private final Map<Long, Integer> indexById;

    private SeatingPlan(List<Seat> ordered) {
        seats = ordered.toArray(Seat[]::new);
        List<Sector> sectorList = new ArrayList<>();
        Map<String, Sector> codes = new HashMap<>();
        Map<Long, Integer> ids = new HashMap<>(seats.length * 2);
        int i = 0;
        while (i < seats.length) {
            int sectorStart = i;
            String code = seats[i].sector();
            List<Row> rows = new ArrayList<>();
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            while (i < seats.length && seats[i].sector().equals(code)) {
                int rowStart = i;
                int rowNumber = seats[i].row();
                while (i < seats.length && seats[i].sector().equals(code) && seats[i].row() == rowNumber) {
                    minX = Math.min(minX, seats[i].x());
                    maxX = Math.max(maxX, seats[i].x());
                    ids.put(seats[i].id(), i);
                    i++;
                }
                rows.add(new Row(rowNumber, rowStart, i));
            }
            Sector sector = new Sector(code, seats[sectorStart].category(), sectorList.size(),
                    List.copyOf(rows), sectorStart, i, (minX + maxX) / 2);
            if (codes.put(code, sector) != null) {
                throw new IllegalArgumentException("sector " + code + " appears twice in the plan");
            }
            sectorList.add(sector);
        }
        sectors = Collections.unmodifiableList(sectorList);
        byCode = Map.copyOf(codes);
        indexById = Map.copyOf(ids);
    }

    /** Builds a plan from seats in any order. */
    public static SeatingPlan of(List<Seat> seats) {
        List<Seat> ordered = new ArrayList<>(seats);
        ordered.sort(Comparator.comparingInt(Seat::sectorPosition).thenComparing(Seat::sector)
                .thenComparingInt(Seat::row).thenComparingInt(Seat::number));
        return new SeatingPlan(ordered);
    }

    public int size() {
        return seats.length;
    }

    public Seat seat(int index) {
        return seats[index];
    }

    public List<Sector> sectors() {
        return sectors;
    }

    public Optional<Sector> sector(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The plan index of a seat id, or -1 when the seat is not in this venue. */
    public int indexOf(long seatId) {
        return indexById.getOrDefault(seatId, -1);
    }

    /** True when seat {@code index} directly follows seat {@code index - 1} in the same row, with no aisle between. */
    boolean continuesRun(int index) {
        if (index == 0) {
            return false;
        }
        Seat previous = seats[index - 1];
        Seat seat = seats[index];
        return previous.sector().equals(seat.sector()) && previous.row() == seat.row()
                && previous.block() == seat.block() && previous.number() + 1 == seat.number();
    }
}
