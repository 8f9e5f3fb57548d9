package com.stadium.quota.notification.message;

import static com.stadium.quota.notification.Requests.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationFailed;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.notification.ReceivedMail;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.notification.SmtpLink;
import com.stadium.quota.notification.SmtpLinkResource;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.Metrics;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * SMTP goes away for this adapter (the link to the shared server is cut) and comes back. %test tries 4 times,
 * 1 s, 2 s and 4 s apart.
 */
@QuarkusTest
class SmtpOutageTest {

    private final SmtpLink smtp = SmtpLinkResource.link();

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private double mails(String outcome) {
        return Metrics.scrape(metrics.toString()).sum("suite_mails_total", "outcome=\"" + outcome + "\"");
    }

    private static NotificationRequested testMessage(String email) {
        return Requests.request(new Notice.TestMessage("during an outage"), email, "Olga Outage", "en",
                "quota-outage");
    }

    @Test
    void everyMessageQueuedWhileSmtpIsDownIsDeliveredOnceWhenItIsBack() {
        List<String> emails = List.of(uniqueEmail(), uniqueEmail(), uniqueEmail());
        List<UUID> ids;
        smtp.cut();
        try {
            ids = emails.stream().map(email -> Requests.send(testMessage(email))).toList();
            for (UUID id : ids) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Requests.view(id)
                        .body("status", equalTo("PENDING"))
                        .body("attempts", greaterThanOrEqualTo(1))
                        .body("lastError", not(emptyOrNullString())));
            }
            // still being tried: an admin cannot queue a second copy meanwhile
            given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/admin/notifications/{id}/resend", ids.get(0))
                    .then().statusCode(409);
        } finally {
            smtp.restore();
        }

        for (UUID id : ids) {
            Requests.awaitStatus(id, "SENT").body("attempts", greaterThanOrEqualTo(2));
        }
        for (String email : emails) {
            assertThat(ReceivedMail.awaitFirst(email)).isNotNull();
        }
        // and once only, while the dispatcher keeps looking for due retries (every 250 ms in %test)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> emails.stream().allMatch(email -> Mailbox.messagesFor(email).size() == 1));
    }

    @Test
    void afterTheLastAttemptTheNotificationFailsAndGoesToTheDeadLetterTopic() throws Exception {
        String email = uniqueEmail();
        double retried = mails("retried");
        double failed = mails("failed");
        double sent = mails("sent");
        UUID id;
        smtp.cut();
        try {
            id = Requests.send(testMessage(email));
            Requests.awaitStatus(id, "FAILED").body("attempts", equalTo(4))
                    .body("lastError", not(emptyOrNullString()));
        } finally {
            smtp.restore();
        }
        assertThat(mails("retried")).as("three attempts to be tried again").isGreaterThanOrEqualTo(retried + 3);
        assertThat(mails("failed")).as("then given up").isGreaterThanOrEqualTo(failed + 1);
        JsonNode deadLetter = Requests.JSON.readTree(Requests.deadLetterOf(id).value());
        assertThat(deadLetter.path("payload").path("attempts").asInt()).isEqualTo(4);
        assertThat(deadLetter.path("payload").path("reason").asText()).isNotBlank();
        assertThat(deadLetter.path("version").asInt()).isEqualTo(NotificationFailed.VERSION);
        assertThat(deadLetter.path("payload").path("request").path("notice").path("kind").asText())
                .isEqualTo("TEST_MESSAGE");
        assertThat(deadLetter.path("payload").path("request").path("notice").path("note").asText())
                .isEqualTo("during an outage");
        assertThat(Mailbox.messagesFor(email)).isEmpty();

        // the admin portal shows it failed; the admin resends it once SMTP works again
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/admin/notifications/{id}/resend", id)
                .then().statusCode(202);
        assertThat(ReceivedMail.awaitFirst(email).text()).contains("Hello Olga Outage,");
        Requests.view(id).body("status", equalTo("FAILED"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mails("sent")).as("the resend was sent")
                .isGreaterThanOrEqualTo(sent + 1));
    }
}
