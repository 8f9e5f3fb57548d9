package com.stadium.quota.quotaservice.importing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.mockito.Mockito;

import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.quota.MatchInfo;

import io.quarkus.test.junit.QuarkusMock;

/** Three matches at one venue in place of allocation-service; match 2 has only 3 free seats in W1. */
final class Catalog {

    static final Map<String, Integer> SECTORS = Map.of("W1", 100, "W2", 100, "W3", 100, "E1", 50, "E2", 50,
            "E3", 50);
    static final Map<Long, MatchInfo> MATCHES = Map.of(
            1L, match(1, "FC Example vs Rivals United", 7),
            2L, match(2, "FC Example vs Harbour City", 21),
            3L, match(3, "FC Example vs Athletic North", 35));
    /** Free seats per match and sector; a test may take some away. */
    static final Map<Long, Map<String, Integer>> FREE = new HashMap<>();

    private Catalog() {
    }

    static void install() {
        FREE.clear();
        MATCHES.keySet().forEach(id -> FREE.put(id, new HashMap<>(SECTORS)));
        FREE.get(2L).put("W1", 3);
        MatchCatalog catalog = Mockito.mock(MatchCatalog.class);
        when(catalog.lookup(any())).thenAnswer(call -> {
            Map<Long, MatchInfo> found = new HashMap<>();
            for (Object id : (Collection<?>) call.getArgument(0)) {
                if (MATCHES.containsKey(id)) {
                    found.put((Long) id, MATCHES.get(id));
                }
            }
            return found;
        });
        when(catalog.freeSeats(anyLong())).thenAnswer(call -> Map.copyOf(FREE.get((Long) call.getArgument(0))));
        QuarkusMock.installMockForType(catalog, MatchCatalog.class);
    }

    private static MatchInfo match(long id, String name, int daysAhead) {
        return new MatchInfo(id, name, Instant.now().plus(daysAhead, ChronoUnit.DAYS), "ARENA", SECTORS);
    }
}
