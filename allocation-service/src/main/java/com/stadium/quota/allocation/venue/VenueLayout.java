package com.stadium.quota.allocation.venue;

import java.util.List;

/**
 * A venue as drawn: sectors, and in each the seats row by row. Plain data, produced by the generator or an
 * import, and checked before it is stored.
 */
public record VenueLayout(String code, String name, List<Sector> sectors) {

    public VenueLayout {
        sectors = List.copyOf(sectors);
    }

    public int seatCount() {
        return sectors.stream().mapToInt(s -> s.seats().size()).sum();
    }

    /** A sector; its category chooses the price at each match. */
    public record Sector(String code, String name, String category, List<Seat> seats) {
        public Sector {
            seats = List.copyOf(seats);
        }
    }

    /**
     * One seat. Seats of one row with the same {@code block} have no aisle between them; {@code number} gives
     * the order in the row. Quality is 0 (worst) to 100 (best).
     */
    public record Seat(int row, String rowLabel, int number, String label, int block, boolean accessible,
            boolean companion, boolean restrictedView, int quality, double x, double y) {
    }
}
