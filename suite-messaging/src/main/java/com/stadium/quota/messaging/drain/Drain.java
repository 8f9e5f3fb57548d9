package com.stadium.quota.messaging.drain;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a batch on its own thread, again and again while the batch says more may be waiting. Wake-ups that arrive
 * while a run is queued make no extra run; one that arrives during a run makes one more, so nothing waits for the
 * next poll. A failing batch ends the run; the next wake-up or poll tries again.
 */
public final class Drain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final String name;
    private final BooleanSupplier batch;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param batch does one batch of work; returns true when more may be waiting */
    public Drain(String name, BooleanSupplier batch) {
        this.name = name;
        this.batch = batch;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void wakeUp() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    /** Wakes the drain once the caller's transaction has committed (not if it rolls back). */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        AfterCommit.run(transactions, this::wakeUp);
    }

    private void run() {
        queued.set(false);
        try {
            while (batch.getAsBoolean()) {
                // more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s paused, will retry: %s", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
