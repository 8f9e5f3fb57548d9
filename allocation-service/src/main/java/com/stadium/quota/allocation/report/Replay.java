package com.stadium.quota.allocation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Allocator;
import com.stadium.quota.allocation.algorithm.SeatQuality;
import com.stadium.quota.allocation.algorithm.SeatingPlan;

/**
 * An allocation computed again from its stored inputs and compared with what was stored: outcome, the seats, and
 * every figure of the seat-quality report. Pure.
 *
 * @param differences one line per field that differs ("seats: stored [..], replayed [..]"); empty when identical
 */
public record Replay(boolean identical, List<String> differences, Allocation.Outcome outcome, List<Long> seatIds,
        SeatQuality quality) {

    /** What was stored of an allocation, to compare a replay with. */
    public record Stored(Allocation.Outcome outcome, List<Long> seatIds, SeatQuality quality) {
    }

    public static Replay of(SeatingPlan plan, ReplayInputs inputs, Stored stored) {
        var occupied = inputs.occupied(plan);
        Allocation allocation = Allocator.allocate(plan, occupied, inputs.request());
        SeatQuality quality = SeatQuality.of(plan, occupied, inputs.includeAccessible(), allocation);
        List<Long> seatIds = allocation.seats().stream().map(i -> plan.seat(i).id()).toList();
        List<String> differences = new ArrayList<>();
        compare(differences, "outcome", stored.outcome(), allocation.outcome());
        compare(differences, "seats", stored.seatIds(), seatIds);
        compare(differences, "rule", stored.quality().rule(), quality.rule());
        compare(differences, "blocks", stored.quality().blocks(), quality.blocks());
        compare(differences, "rows", stored.quality().rows(), quality.rows());
        compare(differences, "sectors", stored.quality().sectors(), quality.sectors());
        compare(differences, "orphansCreated", stored.quality().orphansCreated(), quality.orphansCreated());
        compare(differences, "meanQuality", stored.quality().meanQuality(), quality.meanQuality());
        return new Replay(differences.isEmpty(), differences, allocation.outcome(), seatIds, quality);
    }

    private static void compare(List<String> differences, String field, Object stored, Object replayed) {
        if (!Objects.equals(stored, replayed)) {
            differences.add(field + ": stored " + stored + ", replayed " + replayed);
        }
    }
}
