package com.stadium.quota.allocation.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * REDOM: seats are spread over the chosen sectors in proportion to their free seats (largest remainder, ties to
 * the sector asked first) and drawn at random inside each sector. The draw depends only on the seed and the free
 * seats, so an allocation can be replayed from its stored seed.
 */
final class RandomEvenDistribution {

    private RandomEvenDistribution() {
    }

    static List<Integer> pick(FreeSeats free, List<SeatingPlan.Sector> sectors, int quantity, long seed) {
        List<List<Integer>> freeBySector = sectors.stream().map(free::indexes).toList();
        int[] shares = largestRemainder(freeBySector.stream().mapToInt(List::size).toArray(), quantity);
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> seats = new ArrayList<>(quantity);
        for (int s = 0; s < sectors.size(); s++) {
            List<Integer> candidates = new ArrayList<>(freeBySector.get(s));
            // partial Fisher-Yates: the first shares[s] places end up a uniform random choice
            for (int i = 0; i < shares[s]; i++) {
                int j = i + random.nextInt(candidates.size() - i);
                Integer swap = candidates.get(i);
                candidates.set(i, candidates.get(j));
                candidates.set(j, swap);
            }
            seats.addAll(candidates.subList(0, shares[s]));
        }
        return seats;
    }

    /**
     * Shares of {@code quantity} proportional to {@code free}; needs {@code quantity <= sum(free)}. The remainder
     * goes to the largest fractional parts, ties to the earlier sector; no share exceeds its sector's free seats.
     */
    static int[] largestRemainder(int[] free, int quantity) {
        long total = 0;
        for (int f : free) {
            total += f;
        }
        int[] shares = new int[free.length];
        long[] remainders = new long[free.length];
        int given = 0;
        for (int i = 0; i < free.length; i++) {
            long exact = (long) quantity * free[i];
            shares[i] = (int) (exact / total);
            remainders[i] = exact % total;
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < free.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> remainders[i]).reversed().thenComparingInt(i -> i));
        for (int k = 0; given < quantity; k = (k + 1) % order.size()) {
            int i = order.get(k);
            if (shares[i] < free[i]) {
                shares[i]++;
                given++;
            }
        }
        return shares;
    }
}
