package com.stadium.quota.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What the outbox still has to send: the number of unsent events and the age of the oldest, as gauges for Prometheus
 * and as a readiness check that is DOWN while the oldest is older than {@link OutboxConfig#maxAge()}: Kafka is
 * unreachable or the relay is stuck, and the instance leaves the load balancer until its backlog drains.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {

    /** A count and the oldest creation time of the unsent events (null when none). */
    public record Snapshot(long unsent, Instant oldest) {
        public Duration age(Instant now) {
            return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    OutboxConfig config;

    private volatile Snapshot last = new Snapshot(0, null);

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("suite.outbox.backlog", this, b -> b.last.unsent())
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("suite.outbox.oldest.age", this, b -> b.last.age(b.clock.instant()).toMillis() / 1000.0)
                .description("Age of the oldest unsent outbox event, 0 when none")
                .baseUnit("seconds")
                .register(registry);
    }

    // a scrape reads the last figures: it never waits for the database
    @Scheduled(every = "${suite.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            last = read();
        } catch (SQLException e) {
            // the database is away: the last figures stay, the readiness check says DOWN
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
        try {
            Snapshot now = read();
            last = now;
            Duration age = now.age(clock.instant());
            return response.status(age.compareTo(config.maxAge()) <= 0)
                    .withData("unsent", now.unsent())
                    .withData("oldestAgeSeconds", age.toSeconds())
                    .withData("maxAgeSeconds", config.maxAge().toSeconds())
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", "outbox cannot be read: " + e.getMessage()).build();
        }
    }

    public Snapshot read() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*), min(created_at) from outbox_message where published_at is null");
                ResultSet row = query.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            return new Snapshot(row.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }
}
