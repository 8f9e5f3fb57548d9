package com.stadium.quota.quotaservice.claim;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.stadium.quota.quotaservice.race.RaceProtection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Claim and subquota requests on one quota take turns in this instance before they take a database connection. The
 * quota's row lock still decides between instances; this only keeps a crowd on one hot quota from holding every pooled
 * connection while it waits for that lock (at 64 clients the pool ran dry and requests failed).
 */
@ApplicationScoped
public class QuotaTurns {

    private final ConcurrentHashMap<UUID, Turn> turns = new ConcurrentHashMap<>();

    private final RaceProtection protection;

    @Inject
    public QuotaTurns(RaceProtection protection) {
        this.protection = protection;
    }

    /** A quota's queue: fair, so the request that came first goes first; dropped when nobody waits. */
    private static final class Turn {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /** Runs {@code work} when it is this request's turn on the quota. */
    public <T> T inTurn(UUID quotaId, Supplier<T> work) {
        if (quotaId == null || !protection.turns()) {
            return work.get();
        }
        Turn turn = turns.compute(quotaId, (id, current) -> {
            Turn joined = current == null ? new Turn() : current;
            joined.users++;
            return joined;
        });
        turn.lock.lock();
        try {
            return work.get();
        } finally {
            turn.lock.unlock();
            turns.computeIfPresent(quotaId, (id, current) -> --current.users == 0 ? null : current);
        }
    }

    /** How many quotas have requests in or waiting for their turn (for tests: nothing is left behind). */
    int busy() {
        return turns.size();
    }
}
