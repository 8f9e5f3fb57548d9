package com.stadium.quota.allocation.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * NM: the group sits together. Sector by sector, in the order asked, the first rule that finds seats wins:
 * <ol>
 * <li>one block of consecutive seats in one row that leaves no orphan (a single free seat stranded between the
 * block and an aisle, the row's end or a taken seat);</li>
 * <li>one such block even if it leaves an orphan;</li>
 * <li>the fewest blocks in adjacent rows, one block per row, centred on the same columns.</li>
 * </ol>
 * Among candidates of one rule the best total seat quality wins (ties: the one nearer the front-left, so the
 * result is deterministic). When no sector fits, the group is split: whole sectors in order, the rest placed by
 * the same rules in the next sector, and as a last resort the longest runs first.
 */
final class NeighbouringSeats {

    private NeighbouringSeats() {
    }

    /** Seats chosen and the rule that chose them. */
    record Picked(List<Integer> seats, Rule rule) {
    }

    static Picked pick(FreeSeats free, List<SeatingPlan.Sector> sectors, int quantity) {
        for (SeatingPlan.Sector sector : sectors) {
            if (free.count(sector) < quantity) {
                continue;
            }
            Optional<Picked> seats = together(free, sector, quantity);
            if (seats.isPresent()) {
                return seats.get();
            }
        }
        return new Picked(split(free, sectors, quantity), Rule.SPLIT);
    }

    /** Rules 1 to 3 inside one sector. */
    static Optional<Picked> together(FreeSeats free, SeatingPlan.Sector sector, int quantity) {
        return oneBlock(free, sector, quantity, true).map(seats -> new Picked(seats, Rule.ONE_BLOCK_NO_ORPHAN))
                .or(() -> oneBlock(free, sector, quantity, false).map(seats -> new Picked(seats, Rule.ONE_BLOCK)))
                .or(() -> adjacentRows(free, sector, quantity).map(seats -> new Picked(seats, Rule.ADJACENT_ROWS)));
    }

    private static Optional<List<Integer>> oneBlock(FreeSeats free, SeatingPlan.Sector sector, int quantity,
            boolean noOrphan) {
        int bestStart = -1;
        int bestScore = Integer.MIN_VALUE;
        for (SeatingPlan.Row row : sector.rows()) {
            for (FreeSeats.Run run : free.runs(row)) {
                if (run.length() < quantity) {
                    continue;
                }
                int score = free.quality(run.from(), run.from() + quantity);
                for (int start = run.from(); start + quantity <= run.to(); start++) {
                    if (start > run.from()) {
                        score += free.plan().seat(start + quantity - 1).quality() - free.plan().seat(start - 1).quality();
                    }
                    int left = start - run.from();
                    int right = run.to() - (start + quantity);
                    if (noOrphan && (left == 1 || right == 1)) {
                        continue;
                    }
                    if (score > bestScore) {
                        bestScore = score;
                        bestStart = start;
                    }
                }
            }
        }
        return bestStart < 0 ? Optional.empty() : Optional.of(range(bestStart, bestStart + quantity));
    }

    private static Optional<List<Integer>> adjacentRows(FreeSeats free, SeatingPlan.Sector sector, int quantity) {
        List<SeatingPlan.Row> rows = sector.rows();
        List<FreeSeats.Run> longest = new ArrayList<>(rows.size());
        for (SeatingPlan.Row row : rows) {
            longest.add(free.runs(row).stream()
                    .max(Comparator.comparingInt(FreeSeats.Run::length)
                            .thenComparing(run -> -distanceToCentre(free, sector, run.from(), run.to())))
                    .orElse(null));
        }
        for (int blocks = 2; blocks <= Math.min(rows.size(), quantity); blocks++) {
            List<Integer> best = null;
            int bestScore = Integer.MIN_VALUE;
            for (int first = 0; first + blocks <= rows.size(); first++) {
                List<FreeSeats.Run> window = longest.subList(first, first + blocks);
                if (window.contains(null) || window.stream().mapToInt(FreeSeats.Run::length).sum() < quantity) {
                    continue;
                }
                List<Integer> seats = new ArrayList<>(quantity);
                int[] shares = evenShares(window, quantity);
                for (int i = 0; i < blocks; i++) {
                    int start = centredStart(free, sector, window.get(i), shares[i]);
                    seats.addAll(range(start, start + shares[i]));
                }
                int score = seats.stream().mapToInt(s -> free.plan().seat(s).quality()).sum();
                if (score > bestScore) {
                    bestScore = score;
                    best = seats;
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    /** Splits {@code quantity} over the runs as evenly as their lengths allow. */
    static int[] evenShares(List<FreeSeats.Run> runs, int quantity) {
        Integer[] order = new Integer[runs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> runs.get(i).length()));
        int[] shares = new int[runs.size()];
        int remaining = quantity;
        for (int k = 0; k < order.length; k++) {
            int left = order.length - k;
            int share = Math.min(runs.get(order[k]).length(), (remaining + left - 1) / left);
            shares[order[k]] = share;
            remaining -= share;
        }
        return shares;
    }

    /** The start of the {@code length} seats of the run whose middle is nearest the sector's centre. */
    private static int centredStart(FreeSeats free, SeatingPlan.Sector sector, FreeSeats.Run run, int length) {
        int best = run.from();
        double bestDistance = Double.MAX_VALUE;
        for (int start = run.from(); start + length <= run.to(); start++) {
            double distance = distanceToCentre(free, sector, start, start + length);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = start;
            }
        }
        return best;
    }

    private static double distanceToCentre(FreeSeats free, SeatingPlan.Sector sector, int from, int to) {
        double middle = (free.plan().seat(from).x() + free.plan().seat(to - 1).x()) / 2;
        return Math.abs(middle - sector.centreX());
    }

    /** A group too large for any one sector, or one no sector can seat together. */
    private static List<Integer> split(FreeSeats free, List<SeatingPlan.Sector> sectors, int quantity) {
        List<Integer> seats = new ArrayList<>(quantity);
        for (SeatingPlan.Sector sector : sectors) {
            int remaining = quantity - seats.size();
            if (remaining == 0) {
                break;
            }
            List<Integer> sectorFree = free.indexes(sector);
            if (sectorFree.size() <= remaining) {
                seats.addAll(sectorFree);
                continue;
            }
            Optional<Picked> together = together(free, sector, remaining);
            seats.addAll(together.map(Picked::seats).orElseGet(() -> longestRunsFirst(free, sector, remaining)));
        }
        return seats;
    }

    private static List<Integer> longestRunsFirst(FreeSeats free, SeatingPlan.Sector sector, int quantity) {
        List<FreeSeats.Run> runs = new ArrayList<>();
        sector.rows().forEach(row -> runs.addAll(free.runs(row)));
        runs.sort(Comparator.comparingInt(FreeSeats.Run::length).reversed().thenComparingInt(FreeSeats.Run::from));
        List<Integer> seats = new ArrayList<>(quantity);
        for (FreeSeats.Run run : runs) {
            int take = Math.min(quantity - seats.size(), run.length());
            int start = centredStart(free, sector, run, take);
            seats.addAll(range(start, start + take));
            if (seats.size() == quantity) {
                break;
            }
        }
        return seats;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> seats = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            seats.add(i);
        }
        return seats;
    }
}
