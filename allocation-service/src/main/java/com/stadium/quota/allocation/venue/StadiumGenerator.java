package com.stadium.quota.allocation.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates a realistic stadium of about 60,000 seats: four stands with a lower and an upper tier, a VIP sector in
 * the main stand, triangular corner sectors, rows that widen away from the pitch, aisles splitting each row into
 * blocks, wheelchair places with companion seats, and restricted-view seats behind the upper tier's pillars.
 * The same call always gives the same stadium.
 */
public final class StadiumGenerator {

    /** Aisles split a row into blocks of at most this many seats. */
    static final int MAX_BLOCK = 18;

    private StadiumGenerator() {
    }

    public static VenueLayout generate(String code, String name) {
        List<VenueLayout.Sector> sectors = new ArrayList<>();
        stand(sectors, "W", "West", 5, true);
        stand(sectors, "E", "East", 5, false);
        stand(sectors, "N", "North", 4, false);
        stand(sectors, "S", "South", 4, false);
        sectors.add(sector("VIP-WEST", "VIP West (main stand)", "VIP", 12, row -> 40, false, 1.0, false));
        for (String corner : List.of("NW", "NE", "SW", "SE")) {
            sectors.add(sector(corner, "Corner " + corner, "CAT3", 20, row -> 10 + 2 * row, true, 0.0, false));
        }
        return new VenueLayout(code, name, sectors);
    }

    private static void stand(List<VenueLayout.Sector> sectors, String prefix, String standName, int count,
            boolean mainStand) {
        for (int i = 1; i <= count; i++) {
            // how central the sector is along the pitch: 1 in the middle, 0 at the stand's ends
            double centrality = 1.0 - Math.abs((i - (count + 1) / 2.0) / ((count + 1) / 2.0));
            boolean longSide = count == 5;
            String lowerCategory = longSide && centrality > 0.5 ? "CAT1" : "CAT2";
            String upperCategory = centrality > 0.5 ? "CAT2" : "CAT3";
            sectors.add(sector(prefix + i, standName + " lower " + i, lowerCategory, 25, row -> 43 + row, true,
                    centrality, false));
            sectors.add(sector(prefix + "U" + i, standName + " upper " + i, upperCategory, 30, row -> 50 + row / 2,
                    false, centrality * 0.8, true));
        }
    }

    private interface RowWidth {
        int seats(int row);
    }

    private static VenueLayout.Sector sector(String code, String name, String category, int rows, RowWidth width,
            boolean accessiblePlaces, double centrality, boolean pillars) {
        List<VenueLayout.Seat> seats = new ArrayList<>();
        int base = switch (category) {
            case "VIP" -> 70;
            case "CAT1" -> 45;
            case "CAT2" -> 30;
            default -> 15;
        };
        int widest = width.seats(rows);
        for (int row = 1; row <= rows; row++) {
            int n = width.seats(row);
            int blocks = (n + MAX_BLOCK - 1) / MAX_BLOCK;
            // rows are centred on the widest one, so the same seat column sits above the same column below
            double offset = (widest - n) / 2.0;
            double rowScore = 1.0 - Math.abs((row - 1) / (double) Math.max(1, rows - 1) - 0.45) / 0.55;
            for (int number = 1; number <= n; number++) {
                int block = (number - 1) * blocks / n;
                double across = 1.0 - Math.abs((number - (n + 1) / 2.0) / ((n + 1) / 2.0));
                boolean lastRow = row == rows;
                boolean accessible = accessiblePlaces && lastRow && isWheelchairPlace(number, n);
                boolean companion = accessiblePlaces && lastRow && !accessible && isWheelchairPlace(number - 1, n);
                boolean restricted = pillars && row > rows - 2 && (number <= 3 || number > n - 3);
                int quality = (int) Math.round(Math.min(100, base + 15 * centrality + 10 * across + 10 * rowScore
                        - (restricted ? 20 : 0)));
                seats.add(new VenueLayout.Seat(row, Integer.toString(row), number, Integer.toString(number), block,
                        accessible, companion, restricted, Math.max(0, quality), offset + number + block, row));
            }
        }
        return new VenueLayout.Sector(code, name, category, seats);
    }

    /** Two wheelchair places at each end of the back row, each followed by its companion seat. */
    private static boolean isWheelchairPlace(int number, int rowLength) {
        return number == 1 || number == 3 || number == rowLength - 3 || number == rowLength - 1;
    }
}
