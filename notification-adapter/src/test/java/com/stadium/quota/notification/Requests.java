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
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.NotificationRequestedV1;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;

import io.restassured.response.ValidatableResponse;

/** Notification requests as quota-service sends them: an envelope on notification-requests, keyed by email. */
public final class Requests {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final Instant KICKOFF = Instant.parse("2026-12-05T18:30:00Z");
    public static final List<Notice.Match> MATCH_LIST = List.of(new Notice.Match("FC Example v Rovers", KICKOFF),
            new Notice.Match("FC Example v United", KICKOFF.plusSeconds(14 * 86_400)));
    /** The matches as a version 1 data value. */
    public static final String MATCHES = NotificationData.write(MATCH_LIST, JSON);

    private Requests() {
    }

    public static String uniqueEmail() {
        return "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }

    /** A version 1 request (a map of strings), as quota-service sent them before version 2. */
    public static NotificationRequestedV1 request(NotificationKind kind, String email, String name, String quotaId,
            Map<String, String> data) {
        return new NotificationRequestedV1(kind.name(), email, name, "en", quotaId, "admin", data);
    }

    /** A version 2 request. */
    public static NotificationRequested request(Notice notice, String email, String name, String locale,
            String quotaId) {
        return new NotificationRequested(email, name, locale, quotaId, "admin", notice);
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

    /** Sends a version 1 request with a new id, which is returned. */
    public static UUID send(NotificationRequestedV1 request) {
        UUID id = UUID.randomUUID();
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, request.recipientEmail(),
                envelope(id, request.recipientEmail(), NotificationRequestedV1.VERSION, request));
        return id;
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
        return envelope(id, request.recipientEmail(), NotificationRequested.VERSION, request);
    }

    public static String envelope(UUID id, String email, int version, Object payload) {
        try {
            return JSON.writeValueAsString(new EventEnvelope(id, NotificationRequested.TYPE, version, Instant.now(),
                    email, JSON.valueToTree(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
