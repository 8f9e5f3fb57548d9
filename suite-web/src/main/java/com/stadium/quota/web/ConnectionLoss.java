package com.stadium.quota.web;

import java.sql.SQLException;
import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * Tells a failure because the database could not be reached (down, restarting, the connection cut) from any other
 * database error: the first is worth a retry, the second is a fault of ours.
 */
public final class ConnectionLoss {

    private static final Logger LOG = Logger.getLogger(ConnectionLoss.class);

    private ConnectionLoss() {
    }

    /**
     * True when {@code failure} or one of its causes is a lost or refused connection: SQLSTATE class 08 (connection
     * exception), 57P01-57P03 (the server shuts down or is starting), or Hibernate's JDBCConnectionException.
     */
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** How long a message waits for the database: under Kafka's max.poll.interval.ms (5 min), so the consumer stays. */
    static final Duration PATIENCE = Duration.ofMinutes(4);

    /**
     * Runs {@code work} (a whole transaction) again, once a second, while the database cannot be reached: a Kafka
     * consumer that throws sends a good message to its dead-letter topic, where nothing reads it again. Any other
     * failure, or one that outlasts {@link #PATIENCE}, is thrown.
     */
    public static void retried(Runnable work) {
        retried(work, PATIENCE, Duration.ofSeconds(1));
    }

    static void retried(Runnable work, Duration patience, Duration pause) {
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!isConnectionLoss(e) || System.nanoTime() > giveUpAt) {
                    throw e;
                }
                LOG.warnf("database cannot be reached (%s); trying again in %s", e.getMessage(), pause);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
