package com.stadium.quota.notification.message;

import static com.stadium.quota.notification.Requests.request;
import static com.stadium.quota.notification.Requests.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.NotificationRequestedV1;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.notification.ReceivedMail;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.TopicWriter;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Requests go through the test stack's real Kafka; mail arrives in its real SMTP server (GreenMail). */
@QuarkusTest
class NotificationDeliveryTest {

    private static NotificationRequested testMessage(String email, String name, String note) {
        return Requests.request(new Notice.TestMessage(note), email, name, "en", "quota-1");
    }

    @Test
    void testMessageArrivesWithItsSubjectAndIsMarkedSent() throws Exception {
        String email = uniqueEmail();
        UUID id = Requests.send(testMessage(email, "Grace Guest", "SMTP check"));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Test message from FC Example");
        assertThat(mail.header("X-Notification-Id")).isEqualTo(id.toString());
        assertThat(mail.text()).contains("Hello Grace Guest,").contains("Note from the sender: SMTP check");
        assertThat(mail.html()).contains("Hello Grace Guest,").contains("<em>SMTP check</em>");

        Requests.awaitStatus(id, "SENT").body("attempts", equalTo(1)).body("recipientEmail", equalTo(email));
    }

    @Test
    void aRedeliveredRequestIsSentOnlyOnce() {
        String email = uniqueEmail();
        UUID id = UUID.randomUUID();
        NotificationRequested request = testMessage(email, "Dora Duplicate", "");
        Requests.send(id, request);
        Requests.send(id, request);

        ReceivedMail.awaitFirst(email);
        // a marker request sent after both copies: once it is delivered, both copies have been consumed
        String marker = uniqueEmail();
        TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email,
                Requests.envelope(UUID.randomUUID(), testMessage(marker, "Marker", "")));
        ReceivedMail.awaitFirst(marker);
        assertThat(Mailbox.messagesFor(email)).hasSize(1);
    }

    @Test
    void aMailSentAgainAfterACrashCarriesTheSameMessageId() throws Exception {
        String email = uniqueEmail();
        UUID id = Requests.send(testMessage(email, "Colin Copy", ""));
        Requests.awaitStatus(id, "SENT");

        // a crash between the send and its commit leaves the row due: the restarted adapter sends it once more
        QuarkusTransaction.requiringNew().run(() -> {
            Notification sent = Notification.findById(id);
            sent.status = NotificationStatus.PENDING;
            sent.delivery = DeliveryAttempts.dueAt(Instant.now());
        });
        // the dispatcher's poll finds it (a send that times out is tried again, as after any crash)
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesFor(email).size() == 2);
        Requests.awaitStatus(id, "SENT");
        for (ReceivedMail mail : ReceivedMail.all(email)) {
            assertThat(mail.header("Message-ID")).isEqualTo("<" + id + "@quota-suite>");
        }
    }

    @Test
    void aMessageThatIsNotAnEventGoesToTheDeadLetterTopic() {
        String garbage = "not json " + UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(Topics.NOTIFICATION_REQUESTS_DLQ)) {
            TopicWriter.send(Topics.NOTIFICATION_REQUESTS, "x", garbage);
            List<?> found = deadLetters.await(r -> garbage.equals(r.value()), Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
        }
    }

    @Test
    void aRequestOfAnUnknownKindOrVersionOrLackingDataGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String email = uniqueEmail();
        UUID unknown = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        UUID future = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(Topics.NOTIFICATION_REQUESTS_DLQ)) {
            TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, Requests.envelope(unknown, email, 1,
                    new NotificationRequestedV1("BIRTHDAY_CARD", email, "Eve", "en", "quota-1", "admin", Map.of())));
            TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, Requests.envelope(incomplete, email, 1,
                    request(NotificationKind.QUOTA_INVITATION, email, "Eve", "quota-1", Map.of("ticketCount", "2"))));
            TopicWriter.send(Topics.NOTIFICATION_REQUESTS, email, Requests.envelope(future, email, 3,
                    Map.of("recipientEmail", email, "notice", Map.of("kind", "TEST_MESSAGE"))));

            List<UUID> ids = List.of(unknown, incomplete, future);
            Map<UUID, String> reasons = new java.util.HashMap<>();
            for (ConsumerRecord<String, String> dead : deadLetters.awaitCount(
                    r -> ids.stream().anyMatch(id -> r.value().contains(id.toString())), 3, Duration.ofSeconds(30))) {
                ids.stream().filter(id -> dead.value().contains(id.toString())).forEach(id -> reasons.put(id,
                        reasonOf(dead)));
            }
            assertThat(reasons.get(unknown)).contains("no message template for kind BIRTHDAY_CARD");
            assertThat(reasons.get(incomplete)).contains("QUOTA_INVITATION lacks data [deeplinkToken, matches]");
            assertThat(reasons.get(future)).contains("notification.requested version 3 is not known");
        }
        for (UUID id : List.of(unknown, incomplete, future)) {
            given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/notifications/{id}", id).then()
                    .statusCode(404);
        }
        assertThat(Mailbox.messagesFor(email)).isEmpty();
    }

    /** The reason the dead-letter headers give (the exception's message, and its cause's where it is wrapped). */
    private static String reasonOf(ConsumerRecord<String, String> record) {
        StringBuilder reason = new StringBuilder();
        for (Header header : record.headers()) {
            if (header.key().startsWith("dead-letter-reason") || header.key().startsWith("dead-letter-cause")) {
                reason.append(new String(header.value(), StandardCharsets.UTF_8)).append(' ');
            }
        }
        return reason.toString();
    }

    @Test
    void anAdminResendsASentMessageAsANewNotification() throws Exception {
        String email = uniqueEmail();
        UUID id = Requests.send(testMessage(email, "Rita Resend", "first"));
        Requests.awaitStatus(id, "SENT");

        String copy = given().auth().oauth2(Tokens.of(Tokens.MANAGER)).post("/api/admin/notifications/{id}/resend", id)
                .then().statusCode(202)
                .body("resendOf", equalTo(id.toString()))
                .body("kind", equalTo("TEST_MESSAGE"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.messagesFor(email).size() == 2);
        assertThat(ReceivedMail.all(email).get(1).text()).contains("Hello Rita Resend,").contains("first");
        // a resend is a new message, on purpose: a mailbox must not drop it as a copy of the first
        assertThat(ReceivedMail.all(email).get(1).header("Message-ID")).isEqualTo("<" + copy + "@quota-suite>");
        Requests.awaitStatus(UUID.fromString(copy), "SENT");
        Requests.view(id).body("status", equalTo("SENT"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/notifications?quotaId=quota-1")
                .then().statusCode(200).body("find { it.id == '" + copy + "' }.resendOf", equalTo(id.toString()));
    }

    @Test
    void unknownNotificationIsNotFoundForAnAdmin() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/notifications/{id}", UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .post("/api/admin/notifications/{id}/resend", UUID.randomUUID())
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
        given().post("/api/admin/notifications/{id}/resend", id).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).post("/api/admin/notifications/{id}/resend", id)
                .then().statusCode(403);
    }
}
