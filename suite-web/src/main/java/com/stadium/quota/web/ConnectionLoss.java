package com.stadium.quota.web;

import java.sql.SQLException;

/**
 * Tells a failure because the database could not be reached (down, restarting, the connection cut) from any other
 * database error: the first is worth a retry, the second is a fault of ours.
 */
public final class ConnectionLoss {

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
}
