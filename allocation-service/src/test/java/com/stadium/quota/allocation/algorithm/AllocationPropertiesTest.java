package com.stadium.quota.allocation.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over random venues and random sequences of requests against one match's inventory. */
class AllocationPropertiesTest {

    /** A random venue: sectors S0.., rows of free, taken, accessible and companion seats split by aisles. */
    @Provide
    Arbitrary<SketchedVenue> venues() {
        Arbitrary<String> row = Arbitraries.of('.', '.', '.', '.', '.', 'x', 'x', 'a', 'c', '|', '7', '3')
                .list().ofMinSize(1).ofMaxSize(24)
                .map(marks -> marks.stream().map(String::valueOf).collect(Collectors.joining()))
                .filter(r -> r.replace("|", "").length() > 0);
        Arbitrary<List<String>> sector = row.list().ofMinSize(1).ofMaxSize(6);
        return sector.list().ofMinSize(1).ofMaxSize(4).map(sectors -> {
            SketchedVenue venue = new SketchedVenue();
            for (int i = 0; i < sectors.size(); i++) {
                venue.sector("S" + i, sectors.get(i).toArray(String[]::new));
            }
            return venue;
        });
    }

    @Provide
    Arbitrary<List<SeatRequest>> requests() {
        Arbitrary<SeatRequest> request = Combinators.combine(
                Arbitraries.of(Algorithm.values()),
                Arbitraries.of("S0", "S1", "S2", "S3", "S9").list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                Arbitraries.integers().between(1, 15),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.longs())
                .as(SeatRequest::new);
        return request.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void noSeatIsEverHeldTwiceAndFreePlusHeldIsConserved(@ForAll("venues") SketchedVenue venue,
            @ForAll("requests") List<SeatRequest> requests) {
        SeatingPlan plan = venue.plan();
        BitSet occupied = venue.occupied();
        for (SeatRequest request : requests) {
            Allocation allocation = Allocator.allocate(plan, occupied, request);
            for (int seat : allocation.seats()) {
                assertThat(occupied.get(seat)).as("seat %d held twice", seat).isFalse();
                occupied.set(seat);
            }
            if (allocation.outcome() != Allocation.Outcome.REJECTED) {
                // what was free in the asked sectors is now either held by this request or still free
                FreeSeats after = new FreeSeats(plan, occupied, request.includeAccessible());
                int stillFree = request.sectors().stream().distinct().map(plan::sector)
                        .map(java.util.Optional::orElseThrow).mapToInt(after::count).sum();
                assertThat(stillFree + allocation.seats().size()).isEqualTo(allocation.freeSeats());
            }
        }
    }

    @Property(tries = 300)
    void heldSeatsAreInTheAskedSectorsAndAccessibleOnlyWhenAsked(@ForAll("venues") SketchedVenue venue,
            @ForAll("requests") List<SeatRequest> requests) {
        SeatingPlan plan = venue.plan();
        BitSet occupied = venue.occupied();
        for (SeatRequest request : requests) {
            Allocation allocation = Allocator.allocate(plan, occupied, request);
            Set<String> asked = Set.copyOf(request.sectors());
            for (int index : allocation.seats()) {
                SeatingPlan.Seat seat = plan.seat(index);
                assertThat(asked).contains(seat.sector());
                if (!request.includeAccessible()) {
                    assertThat(seat.accessible() || seat.companion()).isFalse();
                }
                occupied.set(index);
            }
        }
    }

    @Property(tries = 300)
    void outcomeMatchesTheCountOfSeatsHeld(@ForAll("venues") SketchedVenue venue,
            @ForAll("requests") List<SeatRequest> requests) {
        SeatingPlan plan = venue.plan();
        BitSet occupied = venue.occupied();
        for (SeatRequest request : requests) {
            Allocation allocation = Allocator.allocate(plan, occupied, request);
            switch (allocation.outcome()) {
                case ALLOCATED -> assertThat(allocation.seats()).hasSize(request.quantity());
                case PARTIALLY_ALLOCATED -> {
                    assertThat(request.allowPartial()).isTrue();
                    assertThat(allocation.seats()).hasSize(allocation.freeSeats());
                    assertThat(allocation.freeSeats()).isLessThan(request.quantity());
                }
                case FAILED -> {
                    assertThat(allocation.seats()).isEmpty();
                    assertThat(allocation.freeSeats()).isLessThan(request.quantity());
                }
                case REJECTED -> assertThat(request.sectors()).anyMatch(code -> plan.sector(code).isEmpty());
            }
            allocation.seats().forEach(occupied::set);
        }
    }

    @Property(tries = 300)
    void nmSeatsAGroupInOneAisleFreeBlockWheneverItsFirstFittingSectorHasSuchARun(
            @ForAll("venues") SketchedVenue venue, @ForAll("requests") List<SeatRequest> requests) {
        SeatingPlan plan = venue.plan();
        BitSet occupied = venue.occupied();
        for (SeatRequest asked : requests) {
            SeatRequest request = new SeatRequest(Algorithm.NM, asked.sectors(), asked.quantity(),
                    asked.includeAccessible(), asked.allowPartial(), 0);
            Allocation allocation = Allocator.allocate(plan, occupied, request);
            if (allocation.outcome() == Allocation.Outcome.ALLOCATED) {
                FreeSeats free = new FreeSeats(plan, occupied, request.includeAccessible());
                request.sectors().stream().map(plan::sector).map(java.util.Optional::orElseThrow)
                        .filter(sector -> free.count(sector) >= request.quantity())
                        .findFirst()
                        .filter(sector -> longestRun(free, sector) >= request.quantity())
                        .ifPresent(sector -> assertOneBlock(plan, sector, allocation.seats()));
            }
            allocation.seats().forEach(occupied::set);
        }
    }

    @Property(tries = 200)
    void redomReplaysTheSameSeatsFromTheSameSeed(@ForAll("venues") SketchedVenue venue,
            @ForAll("requests") List<SeatRequest> requests) {
        SeatingPlan plan = venue.plan();
        for (SeatRequest asked : requests) {
            SeatRequest request = new SeatRequest(Algorithm.REDOM, asked.sectors(), asked.quantity(),
                    asked.includeAccessible(), asked.allowPartial(), asked.seed());
            assertThat(Allocator.allocate(plan, venue.occupied(), request).seats())
                    .isEqualTo(Allocator.allocate(plan, venue.occupied(), request).seats());
        }
    }

    private static int longestRun(FreeSeats free, SeatingPlan.Sector sector) {
        return sector.rows().stream().flatMap(row -> free.runs(row).stream())
                .mapToInt(FreeSeats.Run::length).max().orElse(0);
    }

    private static void assertOneBlock(SeatingPlan plan, SeatingPlan.Sector sector, List<Integer> seats) {
        List<Integer> sorted = new ArrayList<>(seats);
        sorted.sort(null);
        assertThat(plan.seat(sorted.get(0)).sector()).isEqualTo(sector.code());
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i)).isEqualTo(sorted.get(i - 1) + 1);
            assertThat(plan.continuesRun(sorted.get(i))).as("no aisle inside the block").isTrue();
        }
    }
}
