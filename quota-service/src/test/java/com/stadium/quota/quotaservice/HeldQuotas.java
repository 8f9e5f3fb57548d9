package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicReader;

import io.restassured.http.ContentType;

/** Quotas made by an admin and allocated through the real broker, ready for a holder; and events to read back. */
public final class HeldQuotas {

    private HeldQuotas() {
    }

    /** A fresh email, so each test has its own holder. */
    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
    }

    /** An ALLOCATED quota at match 2 (sector W2, full price 60.00) with {@code seats} tickets. */
    public static UUID allocated(String email, int seats, int discountPercent, boolean delegate,
            boolean transferable, ObjectMapper json) {
        return answered(email, seats, discountPercent, delegate, transferable, "ALLOCATED", json);
    }

    /** A quota at match 2 (sector W2) whose allocation ended with {@code outcome} (ALLOCATED or FAILED). */
    public static UUID answered(String email, int seats, int discountPercent, boolean delegate, boolean transferable,
            String outcome, ObjectMapper json) {
        UUID id = UUID.fromString(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Hanna Holder","matchIds":[2],"sectors":["W2"],"quantity":%d,
                         "discountPercent":%d,"algorithm":"NM","delegate":%s,"transferable":%s}"""
                        .formatted(email, seats, discountPercent, delegate, transferable))
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id"));
        Allocations.answer(Allocations.requestFor(id, json), outcome, seats, outcome.equals("FAILED") ? seats : 100,
                List.of(), json);
        String state = outcome.equals("FAILED") ? "ALLOCATION_FAILED" : outcome;
        await().atMost(Duration.ofSeconds(20)).until(() -> state.equals(given().auth()
                .oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", id).then().extract()
                .path("quota.state")));
        return id;
    }

    /**
     * Claims tickets of a free quota (100 % discount), so they are SOLD at once: ticket i goes to "Gus Guest i",
     * {@code gus<i>@friends.example}.
     */
    public static void sellFree(String token, UUID quota, List<UUID> tickets) {
        String claim = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("ticketIds", tickets))
                .post("/api/holder/quotas/{q}/claims", quota).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> attendees = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            attendees.add(Map.of("ticketId", tickets.get(i), "name", "Gus Guest " + i, "email",
                    "gus" + i + "@friends.example"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("attendees", attendees))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then().statusCode(200)
                .body("step", org.hamcrest.Matchers.equalTo("COMPLETED"));
    }

    /** Waits for {@code count} events of the type on the topic that match; other records there are skipped. */
    public static <T extends SuiteEvent> List<T> events(String topic, Class<T> type, Predicate<T> matching, int count,
            ObjectMapper json) {
        try (TopicReader reader = new TopicReader(topic)) {
            // other tests leave other kinds of records, even garbage, on these topics
            List<ConsumerRecord<String, String>> records = reader.awaitCount(r -> {
                try {
                    EventEnvelope envelope = EventEnvelope.parse(r.value(), json);
                    return envelope.type().equals(type.getDeclaredField("TYPE").get(null))
                            && matching.test(envelope.payloadAs(type, json));
                } catch (IllegalArgumentException | ReflectiveOperationException notThisKind) {
                    return false;
                }
            }, count, Duration.ofSeconds(20));
            return records.stream().map(r -> EventEnvelope.parse(r.value(), json).payloadAs(type, json)).toList();
        }
    }
}
