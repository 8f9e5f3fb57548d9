package com.stadium.quota.quotaservice.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Metrics;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicReader;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** What an operator sees of quota-service: business counters, the outbox's backlog in readiness, and traces. */
@QuarkusTest
class ObservabilityTest {

    /** The relay's advisory lock (OutboxRelay): whoever holds it keeps the relay from sending. */
    private static final long RELAY_LOCK = 7_007_008L;

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private Metrics scrape() {
        return Metrics.scrape(metrics.toString());
    }

    @Test
    void claimsStartedCompletedAndReleasedAreCounted() {
        String email = HeldQuotas.uniqueEmail("metrics");
        UUID quota = HeldQuotas.allocated(email, 3, 100, false, false, json);
        List<UUID> tickets = data.tickets(quota).stream().map(t -> t.id).toList();
        String holder = Tokens.holder(email);
        Metrics before = scrape();

        HeldQuotas.sellFree(holder, quota, List.of(tickets.get(0)));
        String abandoned = given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(tickets.get(1)))).post("/api/holder/quotas/{q}/claims", quota)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(holder).delete("/api/holder/quotas/{q}/claims/{c}", quota, abandoned)
                .then().statusCode(200);

        Metrics after = scrape();
        assertThat(after.sum("suite_claims_started_total")).isEqualTo(before.sum("suite_claims_started_total") + 2);
        assertThat(after.sum("suite_claims_completed_total"))
                .isEqualTo(before.sum("suite_claims_completed_total") + 1);
        assertThat(after.sum("suite_claims_released_total", "because=\"ABANDONED\""))
                .isEqualTo(before.sum("suite_claims_released_total", "because=\"ABANDONED\"") + 1);
        assertThat(after.has("http_server_requests_seconds_count")).as("Quarkus's HTTP metrics are there too")
                .isTrue();
    }

    @Test
    void theAllocationRequestCarriesTheTraceOfTheRequestThatCreatedTheQuota() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = traceId.substring(16);
        String quota = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body("""
                        {"holderEmail":"%s","holderName":"Tracy Trace","matchIds":[2],"sectors":["W2"],"quantity":1,
                         "algorithm":"NM"}""".formatted(HeldQuotas.uniqueEmail("trace")))
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id");

        try (TopicReader reader = new TopicReader(Topics.ALLOCATION_REQUESTS)) {
            ConsumerRecord<String, String> request = reader.await(r -> r.value().contains(quota),
                    Duration.ofSeconds(20)).get(0);
            Header traceparent = request.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the outbox sent the trace context along").isNotNull();
            String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
            assertThat(parts[1]).isEqualTo(traceId);
            assertThat(parts[2]).as("the relay's send span, not the caller's").isNotEqualTo(callerSpan);
        }
    }

    @Test
    void readinessIsDownWhileTheOldestUnsentEventIsOlderThanTheMaxAge() throws Exception {
        UUID eventId = UUID.randomUUID();
        try (Connection relayKeeper = dataSource.getConnection()) {
            try (Statement lock = relayKeeper.createStatement()) {
                lock.execute("select pg_advisory_lock(" + RELAY_LOCK + ")");
            }
            // waiting since ten minutes (suite.outbox.max-age is two): Kafka could not take it all that time
            try (PreparedStatement insert = relayKeeper.prepareStatement("""
                    insert into outbox_message (event_id, topic, message_key, event_type, envelope, created_at)
                    values (?, 'observability-test', 'k', 'test.stuck', '{}', now() - interval '10 minutes')""")) {
                insert.setObject(1, eventId);
                insert.executeUpdate();
            }
            try {
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'outbox' }.data.unsent", org.hamcrest.Matchers.greaterThan(0));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    Metrics now = scrape();
                    assertThat(now.sum("suite_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(600);
                    assertThat(now.sum("suite_outbox_backlog")).isGreaterThanOrEqualTo(1);
                });
            } finally {
                try (PreparedStatement delete = relayKeeper.prepareStatement(
                        "delete from outbox_message where event_id = ?")) {
                    delete.setObject(1, eventId);
                    delete.executeUpdate();
                }
                try (Statement unlock = relayKeeper.createStatement()) {
                    unlock.execute("select pg_advisory_unlock(" + RELAY_LOCK + ")");
                }
            }
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"));
    }
}
