package com.stadium.quota.quotaservice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.quota.MatchInfo;

/**
 * Stands in for allocation-service's match API in this module's tests (allocation-service does not run here;
 * the system tests use the real one): matches 1 and 2 upcoming at ARENA, match 3 started.
 */
public class FixedCatalog extends MatchCatalog {

    public static final Map<String, Integer> SECTORS = Map.of("W1", 100, "W2", 50, "N1", 80);
    private final Map<Long, MatchInfo> matches = new HashMap<>();

    public FixedCatalog() {
        Instant now = Instant.now();
        matches.put(1L, new MatchInfo(1, "FC Example vs Rivals United", now.plus(7, ChronoUnit.DAYS), "ARENA", SECTORS));
        matches.put(2L, new MatchInfo(2, "FC Example vs Harbour City", now.plus(21, ChronoUnit.DAYS), "ARENA", SECTORS));
        matches.put(3L, new MatchInfo(3, "Started already", now.minus(1, ChronoUnit.HOURS), "ARENA", SECTORS));
    }

    @Override
    public Map<Long, MatchInfo> lookup(Collection<Long> ids) {
        Map<Long, MatchInfo> found = new HashMap<>();
        ids.stream().filter(Objects::nonNull).filter(matches::containsKey).forEach(id -> found.put(id, matches.get(id)));
        return found;
    }

    /** Every seat of a known match is free (the import's preview asks). */
    @Override
    public Map<String, Integer> freeSeats(long matchId) {
        return matches.containsKey(matchId) ? SECTORS : Map.of();
    }
}
