package com.stadium.quota.allocation.report;

import java.time.Clock;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Rule;
import com.stadium.quota.allocation.algorithm.SeatQuality;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.web.InvalidInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes each allocation's seat-quality report in the allocation's transaction, reads it, and replays it. */
@ApplicationScoped
public class AllocationReports {

    @Inject
    ObjectMapper json;

    @Inject
    Inventory inventory;

    @Inject
    Clock clock;

    /** A held seat with the labels a ticket shows. */
    public record Seat(long seatId, String sector, String row, String seat) {
    }

    /**
     * @param rule the rule's name; {@code ruleLabel} is how DESIGN.md numbers it (1, 2, 3, split, random)
     * @param together the whole group in one block of one row
     */
    public record Quality(Rule rule, String ruleLabel, boolean together, int seats, int blocks, int rows,
            int sectors, int orphansCreated, double meanQuality) {

        static Quality of(SeatQuality quality) {
            return new Quality(quality.rule(), quality.rule() == null ? null : quality.rule().label(),
                    quality.together(), quality.seats(), quality.blocks(), quality.rows(), quality.sectors(),
                    quality.orphansCreated(), quality.meanQuality());
        }
    }

    /**
     * @param quality null when no seat was held
     * @param inputs null when the request was refused before any seat was looked at (nothing to replay)
     */
    public record Report(UUID requestId, Instant createdAt, Allocation.Outcome outcome, String reason,
            String algorithm, int requested, int allocated, int freeSeats, Quality quality, List<Seat> seats,
            ReplayInputs inputs) {
    }

    /** @param replayed the report as computed again now */
    public record ReplayAnswer(UUID requestId, boolean identical, List<String> differences,
            Allocation.Outcome outcome, List<Long> seatIds, Quality replayed) {
    }

    /** A report computed and not stored yet, with the seat quality the allocation's result carries. */
    public record Draft(AllocationReportRecord record, SeatQuality quality) {
    }

    /** Stores a report computed by {@link #draft}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Draft draft) {
        draft.record().persist();
    }

    /**
     * The report of an allocation the algorithm computed on the {@code occupied} seats of the plan, not stored yet
     * ({@link #record}).
     */
    public Draft draft(UUID requestId, long venueId, List<Long> matchIds, SeatRequest request, SeatingPlan plan,
            BitSet occupied, Allocation allocation) {
        SeatQuality quality = SeatQuality.of(plan, occupied, request.includeAccessible(), allocation);
        AllocationReportRecord record = base(requestId, allocation.outcome(), allocation.reason(),
                request.algorithm().name(), request.quantity());
        record.venueId = venueId;
        record.allocated = allocation.seats().size();
        record.freeSeats = allocation.freeSeats();
        record.rule = quality.rule() == null ? null : quality.rule().name();
        record.blocks = quality.blocks();
        record.rowsUsed = quality.rows();
        record.sectorsUsed = quality.sectors();
        record.orphansCreated = quality.orphansCreated();
        record.meanQuality = quality.meanQuality();
        record.seatIds = write(allocation.seats().stream().map(i -> plan.seat(i).id()).toList());
        record.inputs = write(ReplayInputs.of(venueId, matchIds, request, plan, occupied));
        return new Draft(record, quality);
    }

    /** Records a request refused before the algorithm ran (unknown match, unknown algorithm, ...). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRefused(UUID requestId, String algorithm, int requested, String reason) {
        base(requestId, Allocation.Outcome.REJECTED, reason, algorithm, requested).persist();
    }

    private AllocationReportRecord base(UUID requestId, Allocation.Outcome outcome, String reason,
            String algorithm, int requested) {
        AllocationReportRecord record = new AllocationReportRecord();
        record.requestId = requestId;
        record.outcome = outcome.name();
        record.reason = reason;
        record.algorithm = algorithm;
        record.requested = requested;
        record.seatIds = "[]";
        record.createdAt = clock.instant();
        return record;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Report> find(UUID requestId) {
        return AllocationReportRecord.<AllocationReportRecord>findByIdOptional(requestId).map(this::report);
    }

    /** Computes the allocation again from its stored inputs; 409 when it was refused before seats were seen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReplayAnswer> replay(UUID requestId) {
        return AllocationReportRecord.<AllocationReportRecord>findByIdOptional(requestId).map(record -> {
            if (record.inputs == null) {
                throw InvalidInput.conflict("requestId", "nothing to replay: the request was refused before any "
                        + "seat was looked at (" + record.reason + ")");
            }
            ReplayInputs inputs = read(record.inputs, new TypeReference<>() { });
            Replay replay = Replay.of(inventory.plan(inputs.venueId()), inputs,
                    new Replay.Stored(Allocation.Outcome.valueOf(record.outcome), seatIds(record), quality(record)));
            return new ReplayAnswer(requestId, replay.identical(), replay.differences(), replay.outcome(),
                    replay.seatIds(), Quality.of(replay.quality()));
        });
    }

    private Report report(AllocationReportRecord record) {
        ReplayInputs inputs = record.inputs == null ? null : read(record.inputs, new TypeReference<>() { });
        List<Seat> seats = List.of();
        if (inputs != null) {
            SeatingPlan plan = inventory.plan(inputs.venueId());
            seats = seatIds(record).stream().map(id -> {
                int index = plan.indexOf(id);
                return index < 0 ? new Seat(id, null, null, null) : new Seat(id, plan.seat(index).sector(),
                        plan.seat(index).rowLabel(), plan.seat(index).label());
            }).toList();
        }
        boolean held = record.allocated > 0;
        return new Report(record.requestId, record.createdAt, Allocation.Outcome.valueOf(record.outcome),
                record.reason, record.algorithm, record.requested, record.allocated, record.freeSeats,
                held ? Quality.of(quality(record)) : null, seats, inputs);
    }

    private static SeatQuality quality(AllocationReportRecord record) {
        return new SeatQuality(record.rule == null ? null : Rule.valueOf(record.rule), record.allocated,
                record.blocks, record.rowsUsed, record.sectorsUsed, record.orphansCreated, record.meanQuality);
    }

    private List<Long> seatIds(AllocationReportRecord record) {
        return read(record.seatIds, new TypeReference<>() { });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored allocation report cannot be read", e);
        }
    }
}
