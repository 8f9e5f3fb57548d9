package com.stadium.quota.allocation.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.algorithm.Algorithm;
import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.Allocator;
import com.stadium.quota.allocation.algorithm.SeatRequest;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.allocation.match.MatchPrice;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public AllocationCompleted answer(AllocationRequested request) {
        AllocationRecord earlier = AllocationRecord.findById(request.requestId());
        if (earlier != null) {
            // the same request again: the same answer, nothing held twice
            AllocationCompleted same = read(earlier.result);
            publish(request, same);
            return same;
        }
        long seed = request.seed() != null ? request.seed()
                : request.requestId().getMostSignificantBits() ^ request.requestId().getLeastSignificantBits();
        AllocationCompleted result = allocate(request, seed);
        AllocationRecord record = new AllocationRecord();
        record.requestId = request.requestId();
        record.outcome = result.outcome();
        record.seed = seed;
        record.result = write(result);
        record.createdAt = Instant.now();
        record.persist();
        publish(request, result);
        LOG.debugf("request %s: %s, %d of %d seats", request.requestId(), result.outcome(), result.allocated(),
                result.requested());
        return result;
    }

    private AllocationCompleted allocate(AllocationRequested request, long seed) {
        Algorithm algorithm;
        try {
            algorithm = Algorithm.valueOf(String.valueOf(request.algorithm()));
        } catch (IllegalArgumentException e) {
            return rejected(request, seed, "unknown algorithm " + request.algorithm());
        }
        if (request.quotas().isEmpty()) {
            return rejected(request, seed, "no match given");
        }
        List<Match> matches = new ArrayList<>();
        for (AllocationRequested.MatchQuota quota : request.quotas()) {
            Match match = Match.findById(quota.matchId());
            if (match == null) {
                return rejected(request, seed, "unknown match " + quota.matchId());
            }
            if (!matches.isEmpty() && matches.get(0).venueId != match.venueId) {
                return rejected(request, seed, "matches " + matches.get(0).id + " and " + match.id
                        + " are at different venues");
            }
            if (matches.stream().anyMatch(m -> m.id.equals(match.id))) {
                return rejected(request, seed, "match " + match.id + " is listed twice");
            }
            matches.add(match);
        }
        SeatingPlan plan = inventory.plan(matches.get(0).venueId);
        Map<Long, BitSet> byMatch = matches.stream()
                .collect(Collectors.toMap(m -> m.id, m -> inventory.occupied(m.id, plan)));
        BitSet occupied = new BitSet(plan.size());
        byMatch.values().forEach(occupied::or);
        SeatRequest seatRequest = new SeatRequest(algorithm, request.sectors(), request.quantity(),
                request.includeAccessible(), request.allowPartial(), seed);
        Allocation allocation = Allocator.allocate(plan, occupied, seatRequest);

        List<AllocationCompleted.MatchHolds> holds = new ArrayList<>();
        for (AllocationRequested.MatchQuota quota : request.quotas()) {
            if (allocation.seats().isEmpty()) {
                break;
            }
            inventory.hold(quota.matchId(), quota.quotaId(), request.requestId(), plan, allocation.seats());
            Map<String, Integer> prices = MatchPrice.<MatchPrice>list("matchId", quota.matchId()).stream()
                    .collect(Collectors.toMap(p -> p.category, p -> p.priceCents));
            holds.add(new AllocationCompleted.MatchHolds(quota.matchId(), quota.quotaId(),
                    allocation.seats().stream().map(plan::seat).map(s -> new AllocationCompleted.HeldSeat(
                            s.id(), s.sector(), s.rowLabel(), s.label(), s.category(), prices.get(s.category())))
                            .toList()));
        }
        List<AllocationCompleted.MatchFree> freeByMatch = List.of();
        if (allocation.outcome() == Allocation.Outcome.FAILED && matches.size() > 1) {
            freeByMatch = matches.stream().map(m -> new AllocationCompleted.MatchFree(m.id,
                    Allocator.freeSeats(plan, byMatch.get(m.id), seatRequest))).toList();
        }
        return new AllocationCompleted(request.requestId(), allocation.outcome().name(), request.quantity(),
                allocation.seats().size(), allocation.freeSeats(), allocation.reason(), algorithm.name(), seed,
                freeByMatch, holds);
    }

    private static AllocationCompleted rejected(AllocationRequested request, long seed, String reason) {
        return new AllocationCompleted(request.requestId(), Allocation.Outcome.REJECTED.name(), request.quantity(),
                0, 0, reason, request.algorithm(), seed, List.of(), List.of());
    }

    /** Keyed by the first quota, so quota-service sees each quota's events in order. */
    private void publish(AllocationRequested request, AllocationCompleted result) {
        String key = request.quotas().isEmpty() ? request.requestId().toString()
                : request.quotas().get(0).quotaId().toString();
        outbox.publish(result, key);
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
