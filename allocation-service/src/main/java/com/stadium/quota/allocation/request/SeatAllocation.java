package com.stadium.quota.allocation.request;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.MultiMatch;
import com.stadium.quota.allocation.algorithm.SeatQuality;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.allocation.inventory.ScratchInventory;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.allocation.match.MatchPrice;
import com.stadium.quota.allocation.report.AllocationReports;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.messaging.trace.TraceContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Answers one allocation request inside the caller's transaction: runs the algorithm on the current inventory,
 * holds the seats at every match of the request, records the result and publishes it through the outbox.
 */
@ApplicationScoped
public class SeatAllocation {

    private static final Logger LOG = Logger.getLogger(SeatAllocation.class);

    @Inject
    Inventory inventory;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    AllocationReports reports;

    @Inject
    MeterRegistry meters;

    @Inject
    EntityManager entityManager;

    /**
     * Answers requests in their order inside the caller's transaction. Each sees the seats the ones before it
     * took; the holds are written in one statement and the results in one outbox batch at the end. A request
     * answered before (same request id) gets the same answer again and holds nothing twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AllocationCompleted> answerAll(List<Traced> requests) {
        Map<UUID, AllocationCompleted> answered = earlierAnswers(requests.stream()
                .map(t -> t.request().requestId()).distinct().toList());
        Batch batch = new Batch(inventory);
        List<AllocationCompleted> results = new ArrayList<>(requests.size());
        List<Outbox.Keyed> events = new ArrayList<>(requests.size());
        for (Traced traced : requests) {
            AllocationRequested request = traced.request();
            AllocationCompleted result = answered.get(request.requestId());
            if (result == null) {
                // not seen before: allocate, remember the answer
                long seed = request.seed() != null ? request.seed()
                        : request.requestId().getMostSignificantBits() ^ request.requestId().getLeastSignificantBits();
                Timer.Sample timing = Timer.start(meters);
                result = allocate(request, seed, batch);
                timing.stop(Timer.builder("suite.allocation")
                        .description("Time the algorithm took for one request, by algorithm and outcome")
                        .tag("algorithm", String.valueOf(result.algorithm()))
                        .tag("outcome", result.outcome().name())
                        .publishPercentileHistogram()
                        .register(meters));
                AllocationRecord record = new AllocationRecord();
                record.requestId = request.requestId();
                record.outcome = result.outcome().name();
                record.seed = seed;
                record.result = write(result);
                record.createdAt = clock.instant();
                record.persist();
                answered.put(request.requestId(), result);
                LOG.debugf("request %s: %s, %d of %d seats", request.requestId(), result.outcome(),
                        result.allocated(), result.requested());
            }
            results.add(result);
            // the answer continues the request's own trace (a poll holds requests of many traces)
            events.add(new Outbox.Keyed(result, key(request), key(request), traced.trace()));
        }
        inventory.holdAll(batch.holds);
        outbox.publishAll(events);
        return results;
    }

    /** A request and the trace context its record carried. */
    public record Traced(AllocationRequested request, TraceContext trace) {
    }

    /** The stored answers of any of the requests: one statement (an IN list would be a new query plan per size). */
    private Map<UUID, AllocationCompleted> earlierAnswers(List<UUID> requestIds) {
        return entityManager.unwrap(Session.class).doReturningWork(db -> {
            try (PreparedStatement select = db.prepareStatement(
                    "select request_id, result from allocation where request_id = any (?)")) {
                select.setArray(1, db.createArrayOf("uuid", requestIds.toArray()));
                Map<UUID, AllocationCompleted> answers = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        answers.put(rows.getObject(1, UUID.class), read(rows.getString(2)));
                    }
                }
                return answers;
            }
        });
    }

    /** What the requests answered so far in this transaction took, and the prices they looked up. */
    private static final class Batch {
        final List<Inventory.Hold> holds = new ArrayList<>();
        final ScratchInventory seats;
        final Map<Long, Map<String, Integer>> prices = new HashMap<>();

        Batch(Inventory inventory) {
            seats = new ScratchInventory(inventory::occupied);
        }

        void hold(Inventory.Hold hold) {
            holds.add(hold);
            seats.take(hold.plan(), List.of(hold.matchId()), hold.seats());
        }

        Map<String, Integer> prices(long matchId) {
            return prices.computeIfAbsent(matchId, SeatAllocation::pricesAt);
        }
    }

    /** A match's price per seat category, in cents. */
    private static Map<String, Integer> pricesAt(long matchId) {
        return MatchPrice.<MatchPrice>list("matchId", matchId).stream()
                .collect(Collectors.toMap(p -> p.category, p -> p.priceCents));
    }

    /** Where a request's matches' occupied seats come from: the inventory, or a dry run's scratch copy. */
    @FunctionalInterface
    public interface Occupancy {
        BitSet occupied(long matchId, SeatingPlan plan);
    }

    /**
     * A request after its checks: why it is refused ({@code rejected}), or the venue's plan, the request as the
     * algorithm took it and what it chose (the seats are not held).
     */
    public record Evaluation(String rejected, long venueId, SeatingPlan plan, SeatRequest request,
            MultiMatch.Result result) {

        static Evaluation rejected(String reason) {
            return new Evaluation(reason, 0, null, null, null);
        }

        public Algorithm algorithm() {
            return request.algorithm();
        }
    }

    /**
     * Checks a request (algorithm, matches known, at one venue, none twice) and runs the algorithm on the given
     * occupancy, holding nothing: the allocation and its dry run both come through here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Evaluation evaluate(List<Long> matchIds, String algorithmName, SeatRequestOptions options, long seed,
            Occupancy occupancy) {
        Algorithm algorithm;
        try {
            algorithm = Algorithm.valueOf(String.valueOf(algorithmName));
        } catch (IllegalArgumentException e) {
            return Evaluation.rejected("unknown algorithm " + algorithmName);
        }
        if (matchIds.isEmpty()) {
            return Evaluation.rejected("no match given");
        }
        List<Match> matches = new ArrayList<>();
        for (Long matchId : matchIds) {
            Match match = matchId == null ? null : Match.findById(matchId);
            if (match == null) {
                return Evaluation.rejected("unknown match " + matchId);
            }
            if (!matches.isEmpty() && matches.get(0).venueId != match.venueId) {
                return Evaluation.rejected("matches " + matches.get(0).id + " and " + match.id
                        + " are at different venues");
            }
            if (matches.stream().anyMatch(m -> m.id.equals(match.id))) {
                return Evaluation.rejected("match " + match.id + " is listed twice");
            }
            matches.add(match);
        }
        SeatingPlan plan = inventory.plan(matches.get(0).venueId);
        SeatRequest seatRequest = new SeatRequest(algorithm, options.sectors(), options.quantity(),
                options.includeAccessible(), options.allowPartial(), seed);
        return new Evaluation(null, matches.get(0).venueId, plan, seatRequest,
                MultiMatch.allocate(plan, matchIds, seatRequest, id -> occupancy.occupied(id, plan)));
    }

    /** What is asked besides matches, algorithm and seed. */
    public record SeatRequestOptions(List<String> sectors, int quantity, boolean includeAccessible,
            boolean allowPartial) {
    }

    private AllocationCompleted allocate(AllocationRequested request, long seed, Batch batch) {
        Computed computed = compute(request, seed, batch.seats, batch::prices);
        if (computed.report() == null) {
            reports.recordRefused(request.requestId(), algorithmOf(request), request.quantity(),
                    computed.result().reason());
            return computed.result();
        }
        reports.record(computed.report());
        computed.holds().forEach(batch::hold);
        return computed.result();
    }

    /**
     * The hot path of {@link #answerAll} for one request, holding, recording and publishing nothing: the algorithm
     * on the scratch seats (which then mark what it would take), the seat-quality report and the result as JSON. The
     * start's warm-up runs it, so the first real requests meet compiled code. {@code prices} caches each match's
     * prices across calls.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AllocationCompleted rehearse(AllocationRequested request, long seed, ScratchInventory seats,
            Map<Long, Map<String, Integer>> prices) {
        Computed computed = compute(request, seed, seats, id -> prices.computeIfAbsent(id, SeatAllocation::pricesAt));
        computed.holds().forEach(h -> seats.take(h.plan(), List.of(h.matchId()), h.seats()));
        write(computed.result());
        return computed.result();
    }

    /** A request's answer with what storing it takes: the report (null when refused) and the seats to hold. */
    private record Computed(AllocationCompleted result, AllocationReports.Draft report, List<Inventory.Hold> holds) {
    }

    /** Runs the algorithm and builds the answer and its report; writes nothing. */
    private Computed compute(AllocationRequested request, long seed, ScratchInventory seats,
            LongFunction<Map<String, Integer>> prices) {
        List<Long> matchIds = request.quotas().stream().map(AllocationRequested.MatchQuota::matchId).toList();
        Evaluation evaluation = evaluate(matchIds, algorithmOf(request), new SeatRequestOptions(request.sectors(),
                request.quantity(), request.includeAccessible(), request.allowPartial()), seed, seats);
        if (evaluation.rejected() != null) {
            return new Computed(rejected(request, seed, evaluation.rejected()), null, List.of());
        }
        SeatingPlan plan = evaluation.plan();
        Allocation allocation = evaluation.result().allocation();
        AllocationReports.Draft report = reports.draft(request.requestId(), evaluation.venueId(), matchIds,
                evaluation.request(), plan, evaluation.result().occupied(), allocation);
        SeatQuality quality = report.quality();
        List<Inventory.Hold> holds = new ArrayList<>();
        List<AllocationCompleted.MatchHolds> matchHolds = new ArrayList<>();
        for (AllocationRequested.MatchQuota quota : request.quotas()) {
            if (allocation.seats().isEmpty()) {
                break;
            }
            holds.add(new Inventory.Hold(plan, quota.matchId(), quota.quotaId(), request.requestId(),
                    allocation.seats()));
            Map<String, Integer> matchPrices = prices.apply(quota.matchId());
            matchHolds.add(new AllocationCompleted.MatchHolds(quota.matchId(), quota.quotaId(),
                    allocation.seats().stream().map(plan::seat).map(s -> new AllocationCompleted.HeldSeat(
                            s.id(), s.sector(), s.rowLabel(), s.label(), s.category(), matchPrices.get(s.category())))
                            .toList()));
        }
        List<AllocationCompleted.MatchFree> freeByMatch = evaluation.result().freeByMatch().stream()
                .map(f -> new AllocationCompleted.MatchFree(f.matchId(), f.freeSeats())).toList();
        AllocationCompleted result = new AllocationCompleted(request.requestId(),
                AllocationCompleted.Outcome.valueOf(allocation.outcome().name()), request.quantity(),
                allocation.seats().size(), allocation.freeSeats(), allocation.reason(),
                AllocationRequested.Algorithm.valueOf(evaluation.algorithm().name()), seed, freeByMatch, matchHolds,
                quality.rule() == null ? null : new AllocationCompleted.SeatQuality(quality.rule().label(),
                        quality.together(), quality.blocks(), quality.rows(), quality.sectors(),
                        quality.orphansCreated(), quality.meanQuality()));
        return new Computed(result, report, holds);
    }

    private static String algorithmOf(AllocationRequested request) {
        return request.algorithm() == null ? null : request.algorithm().name();
    }

    private static AllocationCompleted rejected(AllocationRequested request, long seed, String reason) {
        return new AllocationCompleted(request.requestId(), AllocationCompleted.Outcome.REJECTED, request.quantity(),
                0, 0, reason, request.algorithm(), seed, List.of(), List.of());
    }

    /** Keyed by the first quota, so quota-service sees each quota's events in order. */
    private static String key(AllocationRequested request) {
        return request.quotas().isEmpty() ? request.requestId().toString()
                : request.quotas().get(0).quotaId().toString();
    }

    private String write(AllocationCompleted result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AllocationCompleted read(String stored) {
        try {
            return json.readValue(stored, AllocationCompleted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result of an allocation cannot be read", e);
        }
    }
}
