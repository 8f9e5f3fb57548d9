package com.stadium.quota.allocation.algorithm;

import static com.stadium.quota.allocation.algorithm.SketchedVenue.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stadium.quota.allocation.inventory.ScratchInventory;

/** Requests evaluated in order on a scratch copy of the inventory, as the allocation dry run does. */
class DryRunTest {

    private static SeatRequest nm(int quantity, String... sectors) {
        return new SeatRequest(Algorithm.NM, List.of(sectors), quantity, false, false, 0);
    }

    /** Match 1 and 2 at the same venue; match 2 has the first row of A taken. */
    private final SketchedVenue venue = new SketchedVenue().sector("A", "......", "......");
    private final SeatingPlan plan = venue.plan();
    private final Map<Long, BitSet> inventory = new HashMap<>();

    DryRunTest() {
        inventory.put(1L, new BitSet(plan.size()));
        BitSet second = new BitSet(plan.size());
        second.set(0, 6);
        inventory.put(2L, second);
    }

    private ScratchInventory scratch() {
        return new ScratchInventory((matchId, p) -> (BitSet) inventory.get(matchId).clone());
    }

    private MultiMatch.Result run(ScratchInventory scratch, List<Long> matches, SeatRequest request) {
        MultiMatch.Result result = MultiMatch.allocate(plan, matches, request, id -> scratch.occupied(id, plan));
        scratch.take(plan, matches, result.allocation().seats());
        return result;
    }

    @Test
    void laterRequestsNeverGetASeatAnEarlierOneWouldTake() {
        ScratchInventory scratch = scratch();
        MultiMatch.Result first = run(scratch, List.of(1L), nm(6, "A"));
        MultiMatch.Result second = run(scratch, List.of(1L), nm(6, "A"));
        MultiMatch.Result third = run(scratch, List.of(1L), nm(1, "A"));

        assertThat(first.allocation().outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(second.allocation().outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(first.allocation().seats()).doesNotContainAnyElementsOf(second.allocation().seats());
        assertThat(third.allocation().outcome()).isEqualTo(Allocation.Outcome.FAILED);
        assertThat(third.allocation().freeSeats()).isZero();
    }

    @Test
    void theInventoryItselfIsNeverChanged() {
        run(scratch(), List.of(1L, 2L), nm(4, "A"));
        assertThat(inventory.get(1L).cardinality()).isZero();
        assertThat(inventory.get(2L).cardinality()).isEqualTo(6);
    }

    @Test
    void aGroupSeesASeatFreeOnlyIfItIsFreeAtEveryMatchAndItsSeatsAreTakenAtEach() {
        ScratchInventory scratch = scratch();
        MultiMatch.Result group = run(scratch, List.of(1L, 2L), nm(4, "A"));
        assertThat(labels(plan, group.allocation())).allMatch(s -> s.startsWith("A r2"));
        MultiMatch.Result alone = run(scratch, List.of(1L), nm(8, "A"));
        assertThat(alone.allocation().outcome()).as("row 1 and two seats of row 2 are left at match 1")
                .isEqualTo(Allocation.Outcome.ALLOCATED);
    }

    @Test
    void aFailingGroupNamesEachMatchsOwnFreeSeatsSoTheBlockingOneShows() {
        MultiMatch.Result result = run(scratch(), List.of(1L, 2L), nm(8, "A"));
        assertThat(result.allocation().outcome()).isEqualTo(Allocation.Outcome.FAILED);
        assertThat(result.allocation().seats()).isEmpty();
        assertThat(result.freeByMatch()).containsExactly(new MultiMatch.MatchFree(1, 12),
                new MultiMatch.MatchFree(2, 6));
    }

    @Test
    void aSingleMatchFailureOrAnAllocationNamesNoMatch() {
        assertThat(run(scratch(), List.of(2L), nm(8, "A")).freeByMatch()).isEmpty();
        assertThat(run(scratch(), List.of(1L, 2L), nm(2, "A")).freeByMatch()).isEmpty();
    }
}
