package com.stadium.quota.allocation.algorithm;

import static com.stadium.quota.allocation.algorithm.SketchedVenue.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class NeighbouringSeatsTest {

    private static SeatRequest nm(int quantity, String... sectors) {
        return new SeatRequest(Algorithm.NM, List.of(sectors), quantity, false, false, 0);
    }

    private static Allocation allocate(SketchedVenue venue, SeatRequest request) {
        return Allocator.allocate(venue.plan(), venue.occupied(), request);
    }

    @Test
    void exactFitTakesTheWholeBlockBetweenTwoAisles() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xx|....|xx");
        Allocation allocation = allocate(venue, nm(4, "A"));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(labels(venue.plan(), allocation)).containsExactly("A r1 s3", "A r1 s4", "A r1 s5", "A r1 s6");
    }

    @Test
    void aBlockNeverSpansAnAisle() {
        // four free seats in a row, but an aisle in the middle: two rows of two, same columns
        SketchedVenue venue = new SketchedVenue().sector("A", "x..|..x", "x..|..x");
        Allocation allocation = allocate(venue, nm(4, "A"));
        List<String> seats = labels(venue.plan(), allocation);
        assertThat(seats).hasSize(4);
        assertThat(seats).containsExactly("A r1 s2", "A r1 s3", "A r2 s2", "A r2 s3");
    }

    @Test
    void prefersARowWhereTheBlockLeavesNoOrphan() {
        // row 1 (better seats) can only seat five leaving one single seat; row 2 can without an orphan
        SketchedVenue venue = new SketchedVenue().sector("A", "999999", "5555555");
        Allocation allocation = allocate(venue, nm(5, "A"));
        assertThat(labels(venue.plan(), allocation)).allMatch(s -> s.startsWith("A r2"));
        List<Integer> numbers = allocation.seats().stream().map(i -> venue.plan().seat(i).number()).toList();
        assertThat(numbers).isIn(List.of(1, 2, 3, 4, 5), List.of(3, 4, 5, 6, 7));
    }

    @Test
    void acceptsAnOrphanWhenNoBlockAvoidsOne() {
        SketchedVenue venue = new SketchedVenue().sector("A", ".x.....");
        Allocation allocation = allocate(venue, nm(4, "A"));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        List<Integer> numbers = allocation.seats().stream().map(i -> venue.plan().seat(i).number()).toList();
        assertThat(numbers).isIn(List.of(3, 4, 5, 6), List.of(4, 5, 6, 7));
    }

    @Test
    void aTakenSeatCountsAsTheEdgeOfAnOrphan() {
        // seat 1 free, seat 2 taken: taking 3..6 leaves seat 7 alone; taking 4..7 leaves seat 3 alone;
        // a second row without that problem wins even with worse seats
        SketchedVenue venue = new SketchedVenue().sector("A", "9x99999", "1111");
        Allocation allocation = allocate(venue, nm(4, "A"));
        assertThat(labels(venue.plan(), allocation)).containsExactly("A r2 s1", "A r2 s2", "A r2 s3", "A r2 s4");
    }

    @Test
    void amongEqualRulesTheBestSeatsWin() {
        SketchedVenue venue = new SketchedVenue().sector("A", "3333|3333", "3333|9999", "5555|5555");
        Allocation allocation = allocate(venue, nm(4, "A"));
        assertThat(labels(venue.plan(), allocation)).containsExactly("A r2 s5", "A r2 s6", "A r2 s7", "A r2 s8");
    }

    @Test
    void aFullSectorHandsOverToTheNextOne() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xxxx", "xxxx").sector("B", "....", "....");
        Allocation allocation = allocate(venue, nm(3, "A", "B"));
        assertThat(labels(venue.plan(), allocation)).allMatch(s -> s.startsWith("B r"));
    }

    @Test
    void sectorsAreTriedInTheOrderAsked() {
        SketchedVenue venue = new SketchedVenue().sector("A", "9999").sector("B", "1111");
        assertThat(labels(venue.plan(), allocate(venue, nm(2, "B", "A")))).allMatch(s -> s.startsWith("B"));
    }

    @Test
    void fewestBlocksInAdjacentRowsOnTheSameColumns() {
        // no row seats six together: three rows of two are worse than two rows of three
        SketchedVenue venue = new SketchedVenue().sector("A", "....|....", "....|....", "....|....");
        Allocation allocation = allocate(venue, nm(6, "A"));
        List<SeatingPlan.Seat> seats = allocation.seats().stream().map(venue.plan()::seat).toList();
        assertThat(seats).extracting(SeatingPlan.Seat::row).containsOnly(1, 2).hasSize(6);
        assertThat(seats.stream().filter(s -> s.row() == 1).map(SeatingPlan.Seat::number).toList())
                .isEqualTo(seats.stream().filter(s -> s.row() == 2).map(SeatingPlan.Seat::number).toList());
    }

    @Test
    void aGroupTooLargeForAnySectorFillsTheFirstAndContinuesInTheNext() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xx....").sector("B", "......");
        Allocation allocation = allocate(venue, nm(7, "A", "B"));
        List<String> seats = labels(venue.plan(), allocation);
        assertThat(seats).hasSize(7);
        assertThat(seats.stream().filter(s -> s.startsWith("A"))).hasSize(4);
        // the rest sits together in B, leaving no orphan
        assertThat(seats.stream().filter(s -> s.startsWith("B"))).containsExactly("B r1 s1", "B r1 s2", "B r1 s3");
    }

    @Test
    void aGroupThatFitsTheSecondSectorIsNotSplit() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xx....").sector("B", "......");
        assertThat(labels(venue.plan(), allocate(venue, nm(6, "A", "B")))).allMatch(s -> s.startsWith("B"));
    }

    @Test
    void aFragmentedSectorStillSeatsEveryoneWhenSeatsAreFree() {
        SketchedVenue venue = new SketchedVenue().sector("A", ".x.x.x.", "xxxxxxx", ".x.x.x.");
        Allocation allocation = allocate(venue, nm(5, "A"));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(allocation.seats()).hasSize(5).doesNotHaveDuplicates();
        assertThat(allocation.seats()).allMatch(i -> !venue.occupied().get(i));
    }

    @Test
    void wheelchairPlacesAndCompanionSeatsOnlyWhenAsked() {
        SketchedVenue venue = new SketchedVenue().sector("A", "acac....");
        Allocation without = allocate(venue, nm(6, "A"));
        assertThat(without.outcome()).isEqualTo(Allocation.Outcome.FAILED);
        assertThat(without.freeSeats()).isEqualTo(4);

        Allocation with = Allocator.allocate(venue.plan(), venue.occupied(),
                new SeatRequest(Algorithm.NM, List.of("A"), 6, true, false, 0));
        assertThat(with.outcome()).isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(with.seats()).hasSize(6);
    }

    @Test
    void severalMatchesCountOnlySeatsFreeInEveryOne() {
        SketchedVenue venue = new SketchedVenue().sector("A", "......");
        SeatingPlan plan = venue.plan();
        BitSet firstMatch = new BitSet();
        firstMatch.set(0, 2);
        BitSet secondMatch = new BitSet();
        secondMatch.set(2, 4);
        assertThat(Allocator.allocate(plan, firstMatch, nm(3, "A")).outcome())
                .isEqualTo(Allocation.Outcome.ALLOCATED);
        assertThat(Allocator.allocate(plan, secondMatch, nm(3, "A")).outcome())
                .isEqualTo(Allocation.Outcome.ALLOCATED);

        BitSet both = (BitSet) firstMatch.clone();
        both.or(secondMatch);
        Allocation three = Allocator.allocate(plan, both, nm(3, "A"));
        assertThat(three.outcome()).isEqualTo(Allocation.Outcome.FAILED);
        assertThat(three.freeSeats()).isEqualTo(2);
        assertThat(labels(plan, Allocator.allocate(plan, both, nm(2, "A")))).containsExactly("A r1 s5", "A r1 s6");
    }

    @Test
    void withoutPartialNothingIsHeldWhenTooFewSeatsAreFree() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xx...");
        Allocation allocation = allocate(venue, nm(5, "A"));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.FAILED);
        assertThat(allocation.seats()).isEmpty();
        assertThat(allocation.freeSeats()).isEqualTo(3);
        assertThat(allocation.reason()).contains("only 3 of 5");
    }

    @Test
    void withPartialEveryFreeSeatIsHeldAndTheRestIsUnfulfilled() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xx...");
        Allocation allocation = Allocator.allocate(venue.plan(), venue.occupied(),
                new SeatRequest(Algorithm.NM, List.of("A"), 5, false, true, 0));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.PARTIALLY_ALLOCATED);
        assertThat(allocation.seats()).hasSize(3);
        assertThat(allocation.unfulfilled()).isEqualTo(2);
    }

    @Test
    void partialWithNothingFreeFails() {
        SketchedVenue venue = new SketchedVenue().sector("A", "xxx");
        Allocation allocation = Allocator.allocate(venue.plan(), venue.occupied(),
                new SeatRequest(Algorithm.NM, List.of("A"), 2, false, true, 0));
        assertThat(allocation.outcome()).isEqualTo(Allocation.Outcome.FAILED);
        assertThat(allocation.freeSeats()).isZero();
    }

    @Test
    void unknownSectorOrNoSeatsAskedIsRejected() {
        SketchedVenue venue = new SketchedVenue().sector("A", "....");
        Allocation unknown = allocate(venue, nm(2, "A", "Z9"));
        assertThat(unknown.outcome()).isEqualTo(Allocation.Outcome.REJECTED);
        assertThat(unknown.reason()).isEqualTo("unknown sector Z9");
        assertThat(allocate(venue, nm(0, "A")).outcome()).isEqualTo(Allocation.Outcome.REJECTED);
    }

    @Test
    void theSameInputAlwaysGivesTheSameSeats() {
        SketchedVenue venue = new SketchedVenue().sector("A", "5555|5555", "5555|5555", "5555|5555");
        Allocation first = allocate(venue, nm(3, "A"));
        for (int i = 0; i < 5; i++) {
            assertThat(allocate(venue, nm(3, "A")).seats()).isEqualTo(first.seats());
        }
    }
}
