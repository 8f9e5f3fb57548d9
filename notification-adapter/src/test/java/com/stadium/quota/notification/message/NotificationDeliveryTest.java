package com.stadium.quota.notification.message;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Requests go through the test stack's real Kafka; mail arrives in its real SMTP server (GreenMail). */
@QuarkusTest
class NotificationDeliveryTest {

    @Inject
    ObjectMapper json;

    private String request(UUID id, String email, String name, String note) throws Exception {
        NotificationRequested payload = new NotificationRequested("TEST_MESSAGE", email, name, "en", "quota-1",
                "admin", Map.of("note", note));
        return json.writeValueAsString(new EventEnvelope(id, NotificationRequested.TYPE, 1, Instant.now(),
                email, json.valueToTree(payload)));
    }

    private static String uniqueEmail() {
        return "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }

    @Test
    void testMessageArrivesWithItsSubjectAndIsMarkedSent() throws Exception {
        String email = uniqueEmail();
        UUID id = UUID.randomUUID();
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, request(id, email, "Grace Guest", "SMTP check"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !Mailbox.messagesFor(email).isEmpty());
        Map<String, Object> mail = Mailbox.messagesFor(email).get(0);
        assertThat(mail.get("subject")).isEqualTo("Test message from FC Example");
        String mime = (String) mail.get("mimeMessage");
        assertThat(mime).contains("Hello Grace Guest").contains("SMTP check").contains("text/plain")
                .contains("text/html").contains("X-Notification-Id: " + id);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/notifications/{id}", id)
                .then().statusCode(200)
                .body("status", equalTo("SENT"))
                .body("attempts", equalTo(1))
                .body("recipientEmail", equalTo(email)));
    }

    @Test
    void aRedeliveredRequestIsSentOnlyOnce() throws Exception {
        String email = uniqueEmail();
        UUID id = UUID.randomUUID();
        String request = request(id, email, "Dora Duplicate", "");
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, request);
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, request);

        await().atMost(Duration.ofSeconds(20)).until(() -> !Mailbox.messagesFor(email).isEmpty());
        // a marker request sent after both copies: once it is delivered, both copies have been consumed
        String marker = uniqueEmail();
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, request(UUID.randomUUID(), marker, "Marker", ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Mailbox.messagesFor(marker).isEmpty());
        assertThat(Mailbox.messagesFor(email)).hasSize(1);
    }

    @Test
    void hostileNamesAreEscapedInTheHtmlPart() throws Exception {
        String email = uniqueEmail();
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email,
                request(UUID.randomUUID(), email, "<script>alert(1)</script>", "<b>bold</b>"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !Mailbox.messagesFor(email).isEmpty());
        String mime = (String) Mailbox.messagesFor(email).get(0).get("mimeMessage");
        String html = mime.substring(mime.indexOf("Content-Type: text/html"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;")
                .doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void aMessageThatIsNotAnEventGoesToTheDeadLetterTopic() {
        String garbage = "not json " + UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader("notification-requests-dlq")) {
            TopicWriter.send(Topics.NOTIFICATION_REQUESTS, "x", garbage);
            List<?> found = deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
        }
    }

    @Test
    void unknownNotificationIsNotFoundForAnAdmin() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/notifications/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void notificationsAreForAdminsOnly() {
        UUID id = UUID.randomUUID();
        given().get("/api/admin/notifications/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/admin/notifications/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/admin/notifications?quotaId=quota-1")
                .then().statusCode(200);
        given().get("/api/admin/notifications?quotaId=quota-1").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/admin/notifications?quotaId=quota-1")
                .then().statusCode(403);
    }
}
