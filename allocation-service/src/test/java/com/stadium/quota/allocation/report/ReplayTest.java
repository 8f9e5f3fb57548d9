package com.stadium.quota.allocation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Allocator;
import com.stadium.quota.allocation.algorithm.SeatQuality;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.venue.StadiumGenerator;
import com.stadium.quota.allocation.venue.VenueLayout;

class ReplayTest {

    private static final SeatingPlan PLAN = plan();

    private static SeatingPlan plan() {
        VenueLayout layout = StadiumGenerator.generate("T", "Test");
        List<SeatingPlan.Seat> seats = new java.util.ArrayList<>();
        long id = 1;
        for (int s = 0; s < layout.sectors().size(); s++) {
            VenueLayout.Sector sector = layout.sectors().get(s);
            for (VenueLayout.Seat seat : sector.seats()) {
                seats.add(new SeatingPlan.Seat(id++, sector.code(), sector.category(), s, seat.row(),
                        seat.rowLabel(), seat.number(), seat.label(), seat.block(), seat.accessible(),
                        seat.companion(), seat.restrictedView(), seat.quality(), seat.x(), seat.y()));
            }
        }
        return SeatingPlan.of(seats);
    }

    private static Replay.Stored stored(BitSet occupied, SeatRequest request) {
        Allocation allocation = Allocator.allocate(PLAN, occupied, request);
        return new Replay.Stored(allocation.outcome(), allocation.seats().stream().map(i -> PLAN.seat(i).id())
                .toList(), SeatQuality.of(PLAN, occupied, request.includeAccessible(), allocation));
    }

    @Test
    void theTakenSeatsOfTheRequestsSectorsSurviveTheEncoding() {
        BitSet occupied = new BitSet();
        SeatingPlan.Sector w3 = PLAN.sector("W3").orElseThrow();
        SeatingPlan.Sector e1 = PLAN.sector("E1").orElseThrow();
        occupied.set(w3.from(), w3.from() + 40);
        occupied.set(w3.to() - 1);
        occupied.set(e1.from() + 7);
        SeatRequest request = new SeatRequest(Algorithm.NM, List.of("W3"), 4, false, false, 0);

        BitSet decoded = ReplayInputs.of(1, List.of(5L), request, PLAN, occupied).occupied(PLAN);

        BitSet expected = occupied.get(0, PLAN.size());
        expected.clear(e1.from() + 7); // outside the request's sectors: never changes its result
        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void aReplayOnTheSameInputsIsIdenticalAndOnOthersNamesWhatDiffers() {
        BitSet occupied = new BitSet();
        SeatRequest request = new SeatRequest(Algorithm.REDOM, List.of("N1", "N2"), 9, false, false, 42);
        Replay.Stored stored = stored(occupied, request);

        assertThat(Replay.of(PLAN, ReplayInputs.of(1, List.of(5L), request, PLAN, occupied), stored).identical())
                .isTrue();

        SeatRequest otherSeed = new SeatRequest(Algorithm.REDOM, List.of("N1", "N2"), 9, false, false, 43);
        Replay replay = Replay.of(PLAN, ReplayInputs.of(1, List.of(5L), otherSeed, PLAN, occupied), stored);
        assertThat(replay.identical()).isFalse();
        assertThat(replay.differences()).anyMatch(d -> d.startsWith("seats: stored ["));
    }
}
