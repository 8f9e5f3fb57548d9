package com.stadium.quota.allocation.request;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.config.AllocationConfig;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.allocation.inventory.MatchOwnership;
import com.stadium.quota.allocation.inventory.ScratchInventory;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/**
 * Gets allocation-service ready to answer at full speed before it says it is ready ({@link AnswerReadiness}): at start
 * it answers requests like a club's (NM and REDOM, 1 to 10 seats, 1 to 4 neighbouring sectors, some over two matches)
 * on the plan of the next upcoming match, in memory on a scratch copy of its seats, holding, recording and publishing
 * nothing ({@link SeatAllocation#rehearse}); once the instance has joined its consumer groups it reads the views of the
 * upcoming matches it owns. Runs beside the group join, on its own thread.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    /** What the warm-up did: requests answered in memory, views read, and how long each part took. */
    public record Done(int requests, long rehearsalMillis, int views, long viewsMillis) {
    }

    @Inject
    SeatAllocation allocation;

    @Inject
    Inventory inventory;

    @Inject
    MatchOwnership ownership;

    @Inject
    AllocationConfig config;

    @Inject
    Clock clock;

    @Inject
    UserTransaction transaction;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "allocation-warm-up");
        t.setDaemon(true);
        return t;
    });
    private volatile Done done;

    /** After the plans of upcoming matches are loaded ({@link Inventory}'s start, default priority). */
    void atStart(@Observes @Priority(3000) StartupEvent start) {
        thread.execute(() -> {
            int[] rehearsed = {0};
            long started = System.nanoTime();
            try {
                rehearsed[0] = rehearse(config.warmUp().requests(), config.warmUp().maxTime()).size();
            } catch (RuntimeException e) {
                // a failed warm-up only leaves the code cold; the instance must still become ready
                LOG.warnf("the warm-up stopped: %s", e.getMessage());
            }
            long rehearsal = millisSince(started);
            ownership.joined().thenRunAsync(() -> {
                long viewsStarted = System.nanoTime();
                int views = 0;
                try {
                    views = readOwnedViews();
                } catch (RuntimeException e) {
                    LOG.warnf("the views of the upcoming matches were not read: %s", e.getMessage());
                }
                done = new Done(rehearsed[0], rehearsal, views, millisSince(viewsStarted));
                LOG.infof("warm-up: %d requests answered in memory in %d ms; %d owned matches' views read in %d ms",
                        done.requests(), done.rehearsalMillis(), done.views(), done.viewsMillis());
            }, thread);
        });
    }

    void atShutdown(@Observes ShutdownEvent stop) {
        thread.shutdownNow();
    }

    /** Null until the warm-up is over (it waits for the instance to join its groups). */
    public Done done() {
        return done;
    }

    /**
     * Answers up to {@code requests} requests in memory on the next upcoming match (within {@code maxTime}), in a
     * transaction that is rolled back whatever happens; returns the answers.
     */
    List<AllocationCompleted> rehearse(int requests, Duration maxTime) {
        if (requests <= 0) {
            return List.of();
        }
        List<AllocationCompleted> answers = new ArrayList<>();
        inRolledBackTransaction(() -> answer(requests, maxTime, answers));
        return answers;
    }

    /** Runs the work in a transaction that is always rolled back: nothing the warm-up touches may ever commit. */
    private void inRolledBackTransaction(Runnable work) {
        try {
            transaction.begin();
            try {
                work.run();
            } finally {
                transaction.rollback();
            }
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("no transaction for the warm-up: " + e.getMessage(), e);
        }
    }

    /** Answers the requests in memory into {@code answers}, in the caller's transaction. */
    private void answer(int requests, Duration maxTime, List<AllocationCompleted> answers) {
        List<Match> upcoming = Match.list("kickoff > ?1 order by kickoff, id", clock.instant());
        if (upcoming.isEmpty()) {
            return;
        }
        Match first = upcoming.get(0);
        List<Long> sameVenue = upcoming.stream().filter(m -> m.venueId == first.venueId).map(m -> m.id).toList();
        List<String> sectors = inventory.plan(first.venueId).sectors().stream().map(SeatingPlan.Sector::code)
                .toList();
        if (sectors.isEmpty()) {
            return;
        }
        ScratchInventory seats = new ScratchInventory(inventory::occupied);
        Map<Long, Map<String, Integer>> prices = new HashMap<>();
        SplittableRandom random = new SplittableRandom(16);
        long deadline = System.nanoTime() + maxTime.toNanos();
        while (answers.size() < requests && System.nanoTime() < deadline) {
            int answered = answers.size();
            int count = 1 + random.nextInt(Math.min(4, sectors.size()));
            int from = random.nextInt(sectors.size() - count + 1);
            // every fifth a group over two matches, as an import's multi-match lines are
            List<Long> matches = answered % 5 == 4 && sameVenue.size() > 1 ? sameVenue.subList(0, 2)
                    : List.of(first.id);
            List<AllocationRequested.MatchQuota> quotas = new ArrayList<>();
            matches.forEach(id -> quotas.add(new AllocationRequested.MatchQuota(id, UUID.randomUUID())));
            AllocationRequested request = new AllocationRequested(UUID.randomUUID(), quotas,
                    sectors.subList(from, from + count), 1 + random.nextInt(10),
                    answered % 10 == 9 ? AllocationRequested.Algorithm.REDOM : AllocationRequested.Algorithm.NM,
                    false, answered % 3 == 0, null);
            answers.add(allocation.rehearse(request, random.nextLong(), seats, prices));
        }
    }

    /** Reads (and so caches) the held seats of the upcoming matches this instance owns; returns how many. */
    private int readOwnedViews() {
        List<Match> upcoming = new ArrayList<>();
        inRolledBackTransaction(() -> upcoming.addAll(Match.<Match>list("kickoff > ?1", clock.instant())));
        int read = 0;
        for (Match match : upcoming) {
            if (ownership.owns(match.id)) {
                inventory.occupied(match.id, inventory.plan(match.venueId));
                read++;
            }
        }
        return read;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
