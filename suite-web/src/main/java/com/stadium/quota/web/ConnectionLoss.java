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

    /**
     * True when {@code failure} says this service is stopping (or gave up starting) under the work: its persistence
     * or connection pool is already closed. Nothing is wrong with the message then; the next owner of the partition
     * will read it again.
     */
    public static boolean isServiceStopping(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if ((cause instanceof IllegalStateException || cause instanceof IllegalArgumentException
                    || cause instanceof SQLException) && message != null
                    && STOPPING.matcher(message).find()) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern STOPPING = java.util.regex.Pattern.compile(
            "EntityManagerFactory is closed|Unable to find an EntityManagerFactory|pool is closed");

    /** How long a message waits for the database: under Kafka's max.poll.interval.ms (5 min), so the consumer stays. */
    static final Duration PATIENCE = Duration.ofMinutes(4);

    /** How long a message waits while the service stops: it is gone before that. */
    static final Duration STOPPING_PATIENCE = Duration.ofSeconds(30);

    /**
     * Runs {@code work} (a whole transaction) again, once a second, while the database cannot be reached: a Kafka
     * consumer that throws sends a good message to its dead-letter topic, where nothing reads it again. While the
     * service is stopping it waits too (up to {@link #STOPPING_PATIENCE}), so a message in flight is left uncommitted
     * for the next owner instead. Any other failure, or one that outlasts its patience, is thrown.
     */
    public static void retried(Runnable work) {
        retried(work, PATIENCE, STOPPING_PATIENCE, Duration.ofSeconds(1));
    }

    static void retried(Runnable work, Duration patience, Duration stoppingPatience, Duration pause) {
        long start = System.nanoTime();
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                boolean stopping = isServiceStopping(e);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (!(stopping || isConnectionLoss(e))
                        || waited.compareTo(stopping ? stoppingPatience : patience) > 0) {
                    throw e;
                }
                LOG.warnf(stopping ? "the service is stopping (%s); the message waits for the next owner"
                        : "database cannot be reached (%s); trying again in %s", e.getMessage(), pause);
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
