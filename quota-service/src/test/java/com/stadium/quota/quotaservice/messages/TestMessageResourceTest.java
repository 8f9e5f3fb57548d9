package com.stadium.quota.quotaservice.messages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TestMessageResourceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void testMessageReachesKafkaAsANotificationRequestThroughTheOutbox() throws Exception {
        String notificationId = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"recipientEmail\":\"ops@club.example\",\"recipientName\":\"Ops desk\",\"note\":\"check\"}")
                .when().post("/api/admin/test-messages")
                .then().statusCode(202)
                .body("recipientEmail", equalTo("ops@club.example"))
                .extract().path("notificationId");

        try (TopicReader reader = new TopicReader(Topics.NOTIFICATION_REQUESTS)) {
            List<ConsumerRecord<String, String>> records = reader.await(
                    r -> r.value().contains(notificationId), Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(record.key()).isEqualTo("ops@club.example");
            JsonNode envelope = json.readTree(record.value());
            assertThat(envelope.path("id").asText()).isEqualTo(notificationId);
            assertThat(envelope.path("type").asText()).isEqualTo("notification.requested");
            assertThat(envelope.path("version").asInt()).isEqualTo(2);
            assertThat(envelope.path("payload").path("notice").path("kind").asText()).isEqualTo("TEST_MESSAGE");
            assertThat(envelope.path("payload").path("notice").path("note").asText()).isEqualTo("check");
            assertThat(envelope.path("payload").path("locale").asText()).isEqualTo("en");
            assertThat(envelope.path("payload").path("recipientName").asText()).isEqualTo("Ops desk");
            assertThat(envelope.path("payload").path("requestedBy").asText()).isEqualTo("admin");
        }
    }

    @Test
    void malformedEmailIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .contentType(ContentType.JSON)
                .body("{\"recipientEmail\":\"not-an-email\"}")
                .when().post("/api/admin/test-messages")
                .then().statusCode(400)
                .body("violations.field", hasItem("send.request.recipientEmail"));
    }

    @Test
    void holderMayNotSendTestMessages() {
        given().auth().oauth2(Tokens.of(Tokens.HOLDER))
                .contentType(ContentType.JSON)
                .body("{\"recipientEmail\":\"ops@club.example\"}")
                .when().post("/api/admin/test-messages")
                .then().statusCode(403);
    }

    @Test
    void anonymousMayNotSendTestMessages() {
        given().contentType(ContentType.JSON)
                .body("{\"recipientEmail\":\"ops@club.example\"}")
                .when().post("/api/admin/test-messages")
                .then().statusCode(401);
    }
}
