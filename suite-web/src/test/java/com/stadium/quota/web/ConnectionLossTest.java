package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    void workIsTriedAgainWhileTheDatabaseIsUnreachableAndOtherFailuresPassAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        ConnectionLoss.retried(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLException("Connection refused", "08001"));
            }
        }, Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(1));
        assertThat(tries).hasValue(3);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> ConnectionLoss.retried(() -> {
            once.incrementAndGet();
            throw new RuntimeException(new SQLException("duplicate key", "23505"));
        }, Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(1))).hasRootCauseMessage("duplicate key");
        assertThat(once).hasValue(1);

        assertThatThrownBy(() -> ConnectionLoss.retried(() -> {
            throw new RuntimeException(new SQLException("still down", "08001"));
        }, Duration.ofMillis(20), Duration.ZERO, Duration.ofMillis(5))).hasRootCauseMessage("still down");
    }

    @Test
    void aServiceThatStopsUnderTheWorkIsNotTheMessagesFault() {
        assertThat(ConnectionLoss.isServiceStopping(new java.util.concurrent.CompletionException(
                new IllegalStateException("EntityManagerFactory is closed")))).isTrue();
        assertThat(ConnectionLoss.isServiceStopping(new IllegalArgumentException(
                "Unable to find an EntityManagerFactory for persistence unit '<default>'"))).isTrue();
        assertThat(ConnectionLoss.isServiceStopping(new RuntimeException(new SQLException(
                "This pool is closed and does not handle any more connections!")))).isTrue();
        assertThat(ConnectionLoss.isServiceStopping(new IllegalStateException("quota 12 is not PENDING"))).isFalse();
        assertThat(ConnectionLoss.isServiceStopping(null)).isFalse();
    }

    @Test
    void whileTheServiceStopsTheMessageWaitsInsteadOfFailingThenGivesUp() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> ConnectionLoss.retried(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("EntityManagerFactory is closed");
        }, Duration.ofSeconds(5), Duration.ofMillis(30), Duration.ofMillis(5)))
                .hasMessage("EntityManagerFactory is closed");
        assertThat(tries.get()).as("tries while stopping").isGreaterThan(1);
    }
}
