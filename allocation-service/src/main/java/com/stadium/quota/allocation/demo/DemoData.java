package com.stadium.quota.allocation.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.jboss.logging.Logger;

import com.stadium.quota.allocation.config.AllocationConfig;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.allocation.match.MatchChanged;
import com.stadium.quota.allocation.match.MatchPrice;
import com.stadium.quota.allocation.venue.StadiumGenerator;
import com.stadium.quota.allocation.venue.Venue;
import com.stadium.quota.allocation.venue.VenueLayout;
import com.stadium.quota.allocation.venue.VenueStore;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Loads the demo stadium and three matches in the coming weeks, unless the venue is already there (or another instance
 * is storing it); before anything else reads them at start.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String VENUE_CODE = "ARENA";
    static final Map<String, Integer> PRICES_CENTS = Map.of("VIP", 25_000, "CAT1", 8_500, "CAT2", 6_000,
            "CAT3", 3_500);
    private static final List<String> OPPONENTS = List.of("Rivals United", "Harbour City", "Athletic North");

    @Inject
    AllocationConfig config;

    @Inject
    VenueStore venues;

    @Inject
    Event<MatchChanged> changed;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (!config.demoData().enabled() || Venue.findByCode(VENUE_CODE) != null) {
            return;
        }
        VenueLayout layout = StadiumGenerator.generate(VENUE_CODE, "Example Arena");
        // two instances starting on an empty database: the one that stores the venue adds the matches, the other waits
        // for its commit and keeps what it stored
        OptionalLong stored = venues.createIfAbsent(layout);
        if (stored.isEmpty()) {
            LOG.info("demo data stored by another instance meanwhile");
            return;
        }
        long venueId = stored.getAsLong();
        Instant firstKickoff = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7))
                .plus(Duration.ofHours(18).plusMinutes(30));
        for (int i = 0; i < OPPONENTS.size(); i++) {
            Match match = new Match();
            match.venueId = venueId;
            match.code = "DEMO-" + (i + 1);
            match.name = "FC Example vs " + OPPONENTS.get(i);
            match.kickoff = firstKickoff.plus(Duration.ofDays(14L * i));
            match.persist();
            PRICES_CENTS.forEach((category, cents) -> {
                MatchPrice price = new MatchPrice();
                price.matchId = match.id;
                price.category = category;
                price.priceCents = cents;
                price.persist();
            });
            changed.fire(new MatchChanged(match.id));
        }
        LOG.infof("demo data loaded: venue %s with %d seats in %d sectors, %d matches", VENUE_CODE,
                layout.seatCount(), layout.sectors().size(), OPPONENTS.size());
    }
}
