package com.stadium.quota.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;

import io.restassured.response.ValidatableResponse;

/** Notification requests as quota-service sends them: an envelope on notification-requests, keyed by email. */
public final class Requests {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    public static final Instant KICKOFF = Instant.parse("2026-12-05T18:30:00Z");
    public static final String MATCHES = NotificationData.write(List.of(
            new NotificationData.Match("FC Example v Rovers", KICKOFF),
            new NotificationData.Match("FC Example v United", KICKOFF.plusSeconds(14 * 86_400))), JSON);

    private Requests() {
    }

    public static String uniqueEmail() {
        return "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }

    public static NotificationRequested request(NotificationKind kind, String email, String name, String quotaId,
            Map<String, String> data) {
        return new NotificationRequested(kind.name(), email, name, "en", quotaId, "admin", data);
    }

    /** A quota invitation's data; {@code extra} adds or replaces keys. */
    public static Map<String, String> invitation(String token, Instant expiresAt, Map<String, String> extra) {
        Map<String, String> data = new HashMap<>(Map.of(NotificationData.DEEPLINK_TOKEN, token,
                NotificationData.MATCHES, MATCHES, NotificationData.TICKET_COUNT, "4",
                NotificationData.EXPIRES_AT, expiresAt.toString()));
        data.putAll(extra);
        return data;
    }

    /** Sends it with a new id, which is returned (the notification id). */
    public static UUID send(NotificationRequested request) {
        UUID id = UUID.randomUUID();
        send(id, request);
        return id;
    }

    public static void send(UUID id, NotificationRequested request) {
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, request.recipientEmail(), envelope(id, request));
    }

    /** Waits until the adapter's API shows the notification in that status, and returns its view. */
    public static ValidatableResponse awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> view(id).body("status", equalTo(status)));
        return view(id);
    }

    public static ValidatableResponse view(UUID id) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/notifications/{id}", id)
                .then().statusCode(200);
    }

    /** The dead letter published for one notification, read from the start of the topic. */
    public static ConsumerRecord<String, String> deadLetterOf(UUID notificationId) {
        try (TopicReader deadLetters = new TopicReader(Topics.NOTIFICATION_REQUESTS_DLQ)) {
            List<ConsumerRecord<String, String>> found = deadLetters.await(
                    r -> r.value().contains("\"notificationId\":\"" + notificationId + "\""), Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    public static String envelope(UUID id, NotificationRequested request) {
        try {
            return JSON.writeValueAsString(new EventEnvelope(id, NotificationRequested.TYPE, 1, Instant.now(),
                    request.recipientEmail(), JSON.valueToTree(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
