package com.stadium.quota.allocation.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import com.stadium.quota.allocation.inventory.Availability;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.allocation.match.MatchChanged;
import com.stadium.quota.allocation.venue.Venue;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.messaging.outbox.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Announces matches on {@code match-catalog} through the outbox. A change only marks its match due, in its own
 * transaction; about once a second one instance (an advisory lock) takes every due match and announces each once,
 * with counts read after the changes committed, so a burst of allocations makes one announcement per match.
 */
@ApplicationScoped
public class MatchAnnouncer {

    private static final Logger LOG = Logger.getLogger(MatchAnnouncer.class);
    /** Any fixed number works; it only has to be the same in every instance and differ from the outbox relay's. */
    private static final long ANNOUNCER_LOCK = 7_007_009L;

    @Inject
    EntityManager entityManager;

    @Inject
    Availability availability;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Marks the match due in the changing transaction: the mark commits or rolls back with the change. */
    void due(@Observes MatchChanged change) {
        entityManager.createNativeQuery("insert into match_announcement_due (match_id) values (?1)")
                .setParameter(1, change.matchId()).executeUpdate();
    }

    /** Every match once at start, after the demo data, so a reader whose model was lost finds them all again. */
    void atStart(@Observes @Priority(20) StartupEvent start) {
        LOG.debugf("%d matches to announce at start", announceAll());
    }

    /** Marks every match due; returns how many. */
    public int announceAll() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("insert into match_announcement_due (match_id) select id from match")
                .executeUpdate());
    }

    @Scheduled(every = "${suite.catalog.announce-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceDue() {
        QuarkusTransaction.requiringNew().call(this::announceDueNow);
    }

    /** Announces every due match once; returns how many it announced (0 while another instance does it). */
    int announceDueNow() {
        boolean mine = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ANNOUNCER_LOCK).getSingleResult();
        if (!mine) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Number> due = entityManager.createNativeQuery("delete from match_announcement_due returning match_id")
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        Set<Long> matchIds = new TreeSet<>();
        due.forEach(id -> matchIds.add(id.longValue()));
        // the database's clock, taken under the lock: later announcements of a match always get a higher revision
        long revision = ((Number) entityManager
                .createNativeQuery("select (extract(epoch from clock_timestamp()) * 1000000)::bigint")
                .getSingleResult()).longValue();
        Instant now = clock.instant();
        int announced = 0;
        for (Long matchId : matchIds) {
            Match match = Match.findById(matchId);
            if (match == null) {
                continue;
            }
            String key = matchId.toString();
            outbox.publish(announcement(match, Venue.<Venue>findById(match.venueId).code, availability.of(match),
                    revision, now), key, key);
            announced++;
        }
        LOG.debugf("announced %d matches (%d changes)", announced, due.size());
        return announced;
    }

    static MatchAnnounced announcement(Match match, String venueCode, Availability.MatchAvailability seats,
            long revision, Instant now) {
        return new MatchAnnounced(match.id, match.code, match.name, match.kickoff, venueCode,
                match.kickoff.isAfter(now) ? MatchAnnounced.MatchState.SCHEDULED : MatchAnnounced.MatchState.STARTED,
                revision, seats.sectors().stream().map(s -> new MatchAnnounced.SectorSeats(s.sector(), s.category(),
                        s.seats(), s.free(), s.held(), s.sold(), s.accessibleFree())).toList());
    }
}
