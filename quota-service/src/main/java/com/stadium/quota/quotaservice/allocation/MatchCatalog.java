package com.stadium.quota.quotaservice.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.Matches;
import com.stadium.quota.web.Unavailable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * The matches quota-service may create quotas for, as allocation-service knows them. Answers are kept for half a
 * minute: a CSV import of 50 lines asks for the same three matches 50 times.
 */
@ApplicationScoped
public class MatchCatalog implements Matches {

    private static final Duration FRESH = Duration.ofSeconds(30);

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    private record Cached(MatchInfo match, long loadedAt) {
    }

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @Override
    public Map<Long, MatchInfo> lookup(Collection<Long> ids) {
        Map<Long, MatchInfo> found = new HashMap<>();
        long now = System.nanoTime();
        boolean allFresh = ids.stream().filter(Objects::nonNull).allMatch(id -> {
            Cached cached = cache.get(id);
            return cached != null && now - cached.loadedAt() < FRESH.toNanos();
        });
        if (!allFresh) {
            reload(ids);
        }
        ids.stream().filter(Objects::nonNull).map(cache::get).filter(Objects::nonNull)
                .forEach(cached -> found.put(cached.match().id(), cached.match()));
        return found;
    }

    /** The ids of matches whose code starts with the prefix and that are still to be played, soonest first. */
    public List<Long> upcoming(String codePrefix, Instant now) {
        try {
            return allocation.matches().stream()
                    .filter(m -> m.code() != null && m.code().startsWith(codePrefix) && m.kickoff().isAfter(now))
                    .sorted(Comparator.comparing(AllocationServiceClient.MatchView::kickoff))
                    .map(AllocationServiceClient.MatchView::id).toList();
        } catch (WebApplicationException | ProcessingException e) {
            throw new Unavailable("allocation-service", e);
        }
    }

    /** Free seats per sector of a match right now (never cached: an import checks them before it writes). */
    public Map<String, Integer> freeSeats(long matchId) {
        try {
            return allocation.availability(matchId).sectors().stream().collect(Collectors.toMap(
                    AllocationServiceClient.SectorAvailability::sector,
                    AllocationServiceClient.SectorAvailability::free));
        } catch (WebApplicationException | ProcessingException e) {
            throw new Unavailable("allocation-service", e);
        }
    }

    private void reload(Collection<Long> ids) {
        try {
            Map<Long, AllocationServiceClient.MatchView> matches = allocation.matches().stream()
                    .collect(Collectors.toMap(AllocationServiceClient.MatchView::id, m -> m));
            for (Long id : ids) {
                AllocationServiceClient.MatchView match = id == null ? null : matches.get(id);
                if (match == null) {
                    cache.remove(id);
                    continue;
                }
                Map<String, Integer> seats = allocation.availability(id).sectors().stream().collect(
                        Collectors.toMap(AllocationServiceClient.SectorAvailability::sector,
                                AllocationServiceClient.SectorAvailability::seats));
                cache.put(id, new Cached(new MatchInfo(id, match.name(), match.kickoff(), match.venueCode(), seats),
                        System.nanoTime()));
            }
        } catch (WebApplicationException | ProcessingException e) {
            throw new Unavailable("allocation-service", e);
        }
    }
}
