package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Stops the test stack's real Kafka broker, creates quotas, starts the broker again: every event written during
 * the outage reaches Kafka, each exactly once.
 */
@QuarkusTest
class OutboxOutageTest {

    @Inject
    ObjectMapper json;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private static void kafka(String action) throws IOException, InterruptedException {
        File stack = new File("../infra/stack.sh");
        Process process = new ProcessBuilder("bash", stack.getPath(), "--profile", "test", action, "kafka")
                .inheritIO().start();
        assertThat(process.waitFor()).as("infra/stack.sh %s kafka", action).isZero();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAreDeliveredOnceItIsBack() throws Exception {
        List<String> quotas = new ArrayList<>();
        kafka("down");
        try {
            for (int i = 0; i < 3; i++) {
                quotas.add(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                        .body("""
                                {"holderEmail":"outage-%d@sponsor.example","holderName":"Olga Outage","matchIds":[1],
                                 "sectors":["W1"],"quantity":2,"algorithm":"NM"}""".formatted(i))
                        .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id"));
            }
        } finally {
            kafka("up");
        }

        try (TopicReader events = new TopicReader(Topics.QUOTA_EVENTS);
                TopicReader requests = new TopicReader(Topics.ALLOCATION_REQUESTS)) {
            Predicate<ConsumerRecord<String, String>> ours = r -> quotas.stream().anyMatch(q -> r.value().contains(q));
            List<ConsumerRecord<String, String>> created = new ArrayList<>(
                    events.awaitCount(ours, 3, Duration.ofSeconds(60)));
            List<ConsumerRecord<String, String>> requested = new ArrayList<>(
                    requests.awaitCount(ours, 3, Duration.ofSeconds(60)));
            // late copies would show up here: one window for both topics
            long lateUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < lateUntil) {
                created.addAll(events.awaitCount(ours, Integer.MAX_VALUE, Duration.ofMillis(250)));
                requested.addAll(requests.awaitCount(ours, Integer.MAX_VALUE, Duration.ofMillis(250)));
            }
            assertThat(eventIds(created)).hasSize(3)
                    .allSatisfy((id, copies) -> assertThat(copies).as(id).isEqualTo(1L));
            assertThat(eventIds(requested)).hasSize(3)
                    .allSatisfy((id, copies) -> assertThat(copies).as(id).isEqualTo(1L));
        }
    }

    /** How often each event is among the records. */
    private Map<String, Long> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventEnvelope.parse(r.value(), json).id().toString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

}
