package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ConnectionLossTest {

    @Test
    void aRefusedOrCutConnectionDeepInTheCausesIsALoss() {
        assertThat(ConnectionLoss.isConnectionLoss(new RuntimeException("could not execute statement",
                new SQLException("Connection to 127.0.0.1:25432 refused", "08001")))).isTrue();
        assertThat(ConnectionLoss.isConnectionLoss(new IllegalStateException(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend", "08006"))))).isTrue();
        assertThat(ConnectionLoss.isConnectionLoss(new SQLException("terminating connection due to administrator"
                + " command", "57P01"))).isTrue();
        assertThat(ConnectionLoss.isConnectionLoss(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(ConnectionLoss.isConnectionLoss(new RuntimeException(new SQLException(
                "duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(ConnectionLoss.isConnectionLoss(new SQLException("no state"))).isFalse();
        assertThat(ConnectionLoss.isConnectionLoss(new IllegalArgumentException("not a database error"))).isFalse();
        assertThat(ConnectionLoss.isConnectionLoss(null)).isFalse();
    }
}
