package com.stadium.quota.allocation.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.allocation.match.MatchChanged;
import com.stadium.quota.messaging.contract.InventoryChanged;
import com.stadium.quota.messaging.outbox.Outbox;

import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Seating plans per venue and held seats per match. Plans never change once loaded. A match's held seats are
 * cached as a bit set over its venue's plan only while this instance owns the match ({@link MatchOwnership}), and
 * changed only after the transaction that changed the database commits; other matches are read from the database
 * at each use. A write for a match this instance does not own is announced on {@code inventory-changes}, so the
 * owner drops its view; a write that loses against the database's constraint makes the caller drop the view and
 * retry.
 */
@ApplicationScoped
public class Inventory {

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<MatchChanged> changed;

    @Inject
    Clock clock;

    @Inject
    MatchOwnership ownership;

    @Inject
    Outbox outbox;

    private final Map<Long, SeatingPlan> plans = new ConcurrentHashMap<>();
    private final Map<Long, BitSet> held = new ConcurrentHashMap<>();
    /** Commits and drops per match: a view read while one came in may lack it, so it is not kept. */
    private final Map<Long, AtomicLong> commits = new ConcurrentHashMap<>();

    /** Thrown when a seat the view thought free is already held in the database. */
    public static class SeatTaken extends RuntimeException {
        public SeatTaken(List<Long> matchIds) {
            super("a seat at match " + matchIds.stream().map(String::valueOf).collect(Collectors.joining(" or "))
                    + " was taken meanwhile");
        }
    }

    /**
     * Loads the plans of upcoming matches' venues at start, so the first requests do not wait for 60,000 seats; the
     * held seats are read once the instance knows which matches it owns.
     */
    @Transactional
    void warmUp(@Observes StartupEvent start) {
        for (Match match : Match.<Match>list("kickoff > ?1", clock.instant())) {
            plan(match.venueId);
        }
    }

    public SeatingPlan plan(long venueId) {
        return plans.computeIfAbsent(venueId, this::loadPlan);
    }

    /** A copy of the seats held at the match, as plan indexes. */
    public BitSet occupied(long matchId, SeatingPlan plan) {
        if (!ownership.trusts(matchId)) {
            // another instance writes this match: only the database is up to date
            held.remove(matchId);
            return loadHeld(matchId, plan);
        }
        BitSet view = held.get(matchId);
        if (view == null) {
            long before = commitsOf(matchId).get();
            BitSet loaded = loadHeld(matchId, plan);
            if (commitsOf(matchId).get() != before) {
                return loaded;
            }
            view = held.computeIfAbsent(matchId, id -> loaded);
        }
        synchronized (view) {
            return (BitSet) view.clone();
        }
    }

    /** Drops the views of the matches; a view being read meanwhile is not kept either. */
    public void forget(Collection<Long> matchIds) {
        matchIds.forEach(matchId -> {
            commitsOf(matchId).incrementAndGet();
            held.remove(matchId);
        });
    }

    /** Drops the views of the matches the predicate accepts, as {@link #forget}. */
    public void forgetIf(LongPredicate matchIds) {
        commits.forEach((matchId, count) -> {
            if (matchIds.test(matchId)) {
                count.incrementAndGet();
            }
        });
        held.keySet().removeIf(matchIds::test);
    }

    /** Whether the match's view is cached now (for tests). */
    boolean cached(long matchId) {
        return held.containsKey(matchId);
    }

    private AtomicLong commitsOf(long matchId) {
        return commits.computeIfAbsent(matchId, id -> new AtomicLong());
    }

    /** Seats (indexes of the match's venue plan) to hold for a quota at a match. */
    public record Hold(SeatingPlan plan, long matchId, UUID quotaId, UUID requestId, List<Integer> seats) {
    }

    /**
     * Holds the seats in the caller's transaction, all in one statement; throws {@link SeatTaken} (and the caller
     * rolls back) when one of them is held already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdAll(List<Hold> holds) {
        int count = holds.stream().mapToInt(h -> h.seats().size()).sum();
        if (count == 0) {
            return;
        }
        Long[] matchIds = new Long[count];
        Long[] seatIds = new Long[count];
        UUID[] quotaIds = new UUID[count];
        UUID[] requestIds = new UUID[count];
        int i = 0;
        for (Hold hold : holds) {
            for (int seat : hold.seats()) {
                matchIds[i] = hold.matchId();
                seatIds[i] = hold.plan().seat(seat).id();
                quotaIds[i] = hold.quotaId();
                requestIds[i++] = hold.requestId();
            }
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("""
                        insert into seat_hold (match_id, seat_id, quota_id, request_id, held_at)
                        select m, s, q, r, now() from unnest(?, ?, ?, ?) as h(m, s, q, r)
                        on conflict do nothing""")) {
            insert.setArray(1, db.createArrayOf("bigint", matchIds));
            insert.setArray(2, db.createArrayOf("bigint", seatIds));
            insert.setArray(3, db.createArrayOf("uuid", quotaIds));
            insert.setArray(4, db.createArrayOf("uuid", requestIds));
            if (insert.executeUpdate() != count) {
                throw new SeatTaken(holds.stream().map(Hold::matchId).distinct().toList());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seats could not be held: " + e.getMessage(), e);
        }
        holds.forEach(hold -> afterCommit(hold.matchId(), hold.plan(), hold.seats(), true));
        holds.stream().map(Hold::matchId).distinct().forEach(matchId -> {
            changed.fire(new MatchChanged(matchId));
            announceUnlessOwned(matchId, holds.stream().filter(h -> h.matchId() == matchId)
                    .mapToInt(h -> h.seats().size()).sum());
        });
    }

    /** Tells the match's owner, through the outbox (it commits with the write), that its view is out of date. */
    private void announceUnlessOwned(long matchId, int seats) {
        if (!ownership.owns(matchId)) {
            String key = Long.toString(matchId);
            outbox.publish(new InventoryChanged(matchId, ownership.instance(), seats), key, key);
        }
    }

    /** Marks held seats of a quota at a match SOLD; returns how many it found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markSold(long matchId, UUID quotaId, List<Long> seatIds) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(
                "update seat_hold set status = 'SOLD' where match_id = ? and quota_id = ? and seat_id = any (?)")) {
            update.setLong(1, matchId);
            update.setObject(2, quotaId);
            update.setArray(3, db.createArrayOf("bigint", seatIds.toArray()));
            int sold = update.executeUpdate();
            if (sold > 0) {
                changed.fire(new MatchChanged(matchId));
            }
            return sold;
        } catch (SQLException e) {
            throw new IllegalStateException("seats could not be marked sold: " + e.getMessage(), e);
        }
    }

    /** Releases seats of a quota at a match (all of them when {@code seatIds} is empty); returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> release(long matchId, UUID quotaId, List<Long> seatIds, SeatingPlan plan) {
        List<Long> released = new ArrayList<>();
        String sql = seatIds.isEmpty()
                ? "delete from seat_hold where match_id = ? and quota_id = ? returning seat_id"
                : "delete from seat_hold where match_id = ? and quota_id = ? and seat_id = any (?) returning seat_id";
        try (Connection db = dataSource.getConnection(); PreparedStatement delete = db.prepareStatement(sql)) {
            delete.setLong(1, matchId);
            delete.setObject(2, quotaId);
            if (!seatIds.isEmpty()) {
                delete.setArray(3, db.createArrayOf("bigint", seatIds.toArray()));
            }
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    released.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seats could not be released: " + e.getMessage(), e);
        }
        afterCommit(matchId, plan, released.stream().map(plan::indexOf).toList(), false);
        if (!released.isEmpty()) {
            changed.fire(new MatchChanged(matchId));
            announceUnlessOwned(matchId, released.size());
        }
        return released;
    }

    private void afterCommit(long matchId, SeatingPlan plan, List<Integer> seats, boolean nowHeld) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                commitsOf(matchId).incrementAndGet();
                BitSet view = held.get(matchId);
                if (view == null) {
                    return;
                }
                synchronized (view) {
                    seats.stream().filter(i -> i >= 0).forEach(i -> view.set(i, nowHeld));
                }
            }
        });
    }

    private SeatingPlan loadPlan(long venueId) {
        try (Connection db = dataSource.getConnection()) {
            return readPlan(db, venueId);
        } catch (SQLException e) {
            throw new IllegalStateException("venue " + venueId + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A venue's seating plan as stored (also read this way by the benchmarks, straight from the database). */
    public static SeatingPlan readPlan(Connection db, long venueId) throws SQLException {
        List<SeatingPlan.Seat> seats = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("""
                select t.id, s.code, s.category, s.position, t.row_number, t.row_label, t.seat_number,
                       t.seat_label, t.block, t.accessible, t.companion, t.restricted_view, t.quality,
                       t.x, t.y
                  from seat t join sector s on s.id = t.sector_id
                 where s.venue_id = ?""")) {
            select.setLong(1, venueId);
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seats.add(new SeatingPlan.Seat(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getInt(4), rows.getInt(5), rows.getString(6), rows.getInt(7), rows.getString(8),
                            rows.getInt(9), rows.getBoolean(10), rows.getBoolean(11), rows.getBoolean(12),
                            rows.getInt(13), rows.getDouble(14), rows.getDouble(15)));
                }
            }
        }
        return SeatingPlan.of(seats);
    }

    private BitSet loadHeld(long matchId, SeatingPlan plan) {
        BitSet occupied = new BitSet(plan.size());
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select seat_id from seat_hold where match_id = ?")) {
            select.setLong(1, matchId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int index = plan.indexOf(rows.getLong(1));
                    if (index >= 0) {
                        occupied.set(index);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("holds of match " + matchId + " could not be read", e);
        }
        return occupied;
    }
}
