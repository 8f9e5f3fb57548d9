package com.stadium.quota.allocation.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SeatQualityTest {

    private static SeatRequest request(Algorithm algorithm, int quantity, String... sectors) {
        return new SeatRequest(algorithm, List.of(sectors), quantity, false, true, 7);
    }

    private static SeatQuality report(SketchedVenue venue, SeatRequest request) {
        Allocation allocation = Allocator.allocate(venue.plan(), venue.occupied(), request);
        return SeatQuality.of(venue.plan(), venue.occupied(), false, allocation);
    }

    @Test
    void aBlockThatLeavesNoOrphanIsRuleOneInOneRowAndOneBlock() {
        SeatQuality quality = report(new SketchedVenue().sector("A", "xx|9999|xx"), request(Algorithm.NM, 4, "A"));
        assertThat(quality).isEqualTo(new SeatQuality(Rule.ONE_BLOCK_NO_ORPHAN, 4, 1, 1, 1, 0, 90.0));
        assertThat(quality.together()).isTrue();
    }

    @Test
    void aBlockThatMustStrandASeatIsRuleTwoAndCountsOnlyTheOrphanItCreated() {
        // seat 1 was alone before the allocation (it is not this allocation's orphan); one of seats 3 or 7 is
        SeatQuality quality = report(new SketchedVenue().sector("A", ".x.....", "xxxxxxx"), request(Algorithm.NM, 4,
                "A"));
        assertThat(quality.rule()).isEqualTo(Rule.ONE_BLOCK);
        assertThat(quality.orphansCreated()).isEqualTo(1);
        assertThat(quality.blocks()).isEqualTo(1);
    }

    @Test
    void adjacentRowsAreRuleThreeWithABlockPerRow() {
        SeatQuality quality = report(new SketchedVenue().sector("A", "x..|..x", "x..|..x"),
                request(Algorithm.NM, 4, "A"));
        assertThat(quality.rule()).isEqualTo(Rule.ADJACENT_ROWS);
        assertThat(quality.blocks()).isEqualTo(2);
        assertThat(quality.rows()).isEqualTo(2);
        assertThat(quality.together()).isFalse();
    }

    @Test
    void aGroupTooLargeForOneSectorIsSplitOverSectors() {
        SeatQuality quality = report(new SketchedVenue().sector("A", "...").sector("B", "..."),
                request(Algorithm.NM, 5, "A", "B"));
        assertThat(quality.rule()).isEqualTo(Rule.SPLIT);
        assertThat(quality.sectors()).isEqualTo(2);
        assertThat(quality.seats()).isEqualTo(5);
        assertThat(quality.orphansCreated()).as("B's last free seat is alone now").isEqualTo(1);
    }

    @Test
    void redomIsTheRandomRuleAndItsMeanQualityIsTheHeldSeatsMean() {
        SeatQuality quality = report(new SketchedVenue().sector("A", "1111", "9999"), request(Algorithm.REDOM, 8,
                "A"));
        assertThat(quality.rule()).isEqualTo(Rule.RANDOM);
        assertThat(quality.meanQuality()).isEqualTo(50.0);
        assertThat(quality.rows()).isEqualTo(2);
    }

    @Test
    void nothingHeldHasNoRule() {
        SeatQuality quality = report(new SketchedVenue().sector("A", "xx"),
                new SeatRequest(Algorithm.NM, List.of("A"), 2, false, false, 0));
        assertThat(quality).isEqualTo(new SeatQuality(null, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void singleFreeSeatsCountsEveryStrandedSeatOfThePlan() {
        SketchedVenue venue = new SketchedVenue().sector("A", ".x..x.", "...|.").sector("B", "x.x");
        assertThat(SeatQuality.singleFreeSeats(venue.plan(), venue.occupied(), false)).isEqualTo(4);
    }
}
