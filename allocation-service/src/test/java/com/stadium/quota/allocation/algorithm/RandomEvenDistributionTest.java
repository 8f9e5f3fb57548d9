package com.stadium.quota.allocation.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RandomEvenDistributionTest {

    private static final String ROW_OF_TEN = "..........";

    private static Map<String, Long> perSector(SeatingPlan plan, Allocation allocation) {
        return allocation.seats().stream()
                .collect(Collectors.groupingBy(i -> plan.seat(i).sector(), Collectors.counting()));
    }

    private static Allocation redom(SketchedVenue venue, int quantity, long seed, String... sectors) {
        return Allocator.allocate(venue.plan(), venue.occupied(),
                new SeatRequest(Algorithm.REDOM, List.of(sectors), quantity, false, false, seed));
    }

    @Test
    void spreadsInProportionToFreeSeats() {
        SketchedVenue venue = new SketchedVenue()
                .sector("A", ROW_OF_TEN, ROW_OF_TEN, ROW_OF_TEN)
                .sector("B", ROW_OF_TEN);
        Allocation allocation = redom(venue, 8, 42, "A", "B");
        assertThat(perSector(venue.plan(), allocation)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 6L, "B", 2L));
    }

    @Test
    void theRemainderGoesToTheLargestFractionsThenToTheSectorAskedFirst() {
        assertThat(RandomEvenDistribution.largestRemainder(new int[] {10, 10, 10}, 10)).containsExactly(4, 3, 3);
        assertThat(RandomEvenDistribution.largestRemainder(new int[] {1, 6, 3}, 5)).containsExactly(1, 3, 1);
        assertThat(RandomEvenDistribution.largestRemainder(new int[] {0, 5}, 5)).containsExactly(0, 5);
    }

    @Test
    void onlyFreeSeatsAreDrawn() {
        SketchedVenue venue = new SketchedVenue().sector("A", "x.x.x.x.x.", ".x.x.x.x.x");
        Allocation allocation = redom(venue, 10, 7, "A");
        assertThat(allocation.seats()).hasSize(10).noneMatch(venue.occupied()::get);
    }

    @Test
    void theSameSeedReplaysTheSameSeats() {
        SketchedVenue venue = new SketchedVenue().sector("A", ROW_OF_TEN, ROW_OF_TEN).sector("B", ROW_OF_TEN);
        assertThat(redom(venue, 7, 1234, "A", "B").seats()).isEqualTo(redom(venue, 7, 1234, "A", "B").seats());
        assertThat(redom(venue, 7, 1234, "A", "B").seats()).isNotEqualTo(redom(venue, 7, 99, "A", "B").seats());
    }

    @Test
    void partialAndFailureFollowTheSameRulesAsNm() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xxx..");
        assertThat(redom(venue, 3, 1, "A").outcome()).isEqualTo(Allocation.Outcome.FAILED);
        Allocation partial = Allocator.allocate(venue.plan(), venue.occupied(),
                new SeatRequest(Algorithm.REDOM, List.of("A"), 3, false, true, 1));
        assertThat(partial.outcome()).isEqualTo(Allocation.Outcome.PARTIALLY_ALLOCATED);
        assertThat(partial.seats()).hasSize(2);
    }
}
