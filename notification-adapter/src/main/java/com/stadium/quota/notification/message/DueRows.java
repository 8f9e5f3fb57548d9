package com.stadium.quota.notification.message;

import java.util.List;
import java.util.function.Consumer;

import com.stadium.quota.messaging.drain.Drain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The rows of a table that are due for sending ({@code status = 'PENDING'} and {@code next_attempt_at} passed),
 * handed to {@code send} one at a time on a thread of their own, each in its own transaction: what was sent is
 * recorded right after it went out, so a crash can leave at most the one message in flight unrecorded (and send it
 * again), never a whole batch. Rows are locked with SKIP LOCKED, so several instances share the work and never
 * send one row twice.
 */
public final class DueRows<T> implements AutoCloseable {

    /** One: a crash between sending and the commit would send every row of an uncommitted batch again. */
    private static final int BATCH = 1;

    private final EntityManager entityManager;
    private final Class<T> type;
    private final String query;
    private final Consumer<T> send;
    private final Drain drain;

    /** @param send sends one row and records the outcome on it, in the batch's transaction */
    public DueRows(String name, String table, Class<T> type, EntityManager entityManager, Consumer<T> send) {
        this.entityManager = entityManager;
        this.type = type;
        this.send = send;
        this.query = """
                select * from %s
                 where status = 'PENDING' and next_attempt_at <= now()
                 order by next_attempt_at
                 limit ?1
                 for update skip locked""".formatted(table);
        this.drain = new Drain(name, this::sendDue);
    }

    public void wakeUp() {
        drain.wakeUp();
    }

    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        drain.wakeUpAfterCommit(transactions);
    }

    /** Sends one row; returns true when one was due (more may be). */
    boolean sendDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<T> due = entityManager.createNativeQuery(query, type).setParameter(1, BATCH).getResultList();
            due.forEach(send);
            return due.size() == BATCH;
        });
    }

    @Override
    public void close() {
        drain.close();
    }
}
