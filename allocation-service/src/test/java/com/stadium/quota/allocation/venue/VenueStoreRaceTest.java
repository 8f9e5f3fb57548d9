package com.stadium.quota.allocation.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Two allocation-services starting on an empty database both store the demo venue (issue 20): the second waits for
 * the first's commit through the code's unique key and keeps what the first stored, instead of failing its start.
 */
@QuarkusTest
class VenueStoreRaceTest {

    @Inject
    VenueStore store;

    @Inject
    DataSource dataSource;

    @Test
    void twoInstancesStoringTheSameVenueAtOnceStoreItOnceAndNeitherFails() throws Exception {
        String code = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
        VenueLayout layout = new VenueLayout(code, "Race Ground", List.of(new VenueLayout.Sector("A", "A", "CAT1",
                List.of(new VenueLayout.Seat(1, "1", 1, "1", 0, false, false, false, 50, 0, 0),
                        new VenueLayout.Seat(1, "1", 2, "2", 0, false, false, false, 50, 1, 0)))));
        CountDownLatch firstStored = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        CompletableFuture<OptionalLong> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    OptionalLong id = store.createIfAbsent(layout);
                    firstStored.countDown();
                    secondWaiting.await(30, TimeUnit.SECONDS);
                    return id;
                }));
        firstStored.await(30, TimeUnit.SECONDS);
        CompletableFuture<OptionalLong> second = CompletableFuture.supplyAsync(() -> QuarkusTransaction
                .requiringNew().call(() -> store.createIfAbsent(layout)));
        // the second insert waits on the first's uncommitted row before the first commits
        await("the second store waiting for the first").atMost(Duration.ofSeconds(30))
                .until(() -> waitingOnALock() > 0);
        secondWaiting.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(second.get(30, TimeUnit.SECONDS)).as("the second keeps what the first stored").isEmpty();
        assertThat(count("select count(*) from venue where code = ?", code)).isEqualTo(1);
        assertThat(count("select count(*) from seat t join sector s on s.id = t.sector_id join venue v"
                + " on v.id = s.venue_id where v.code = ?", code)).isEqualTo(2);
    }

    private long waitingOnALock() throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like 'insert into venue%'");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private long count(String sql, String code) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
