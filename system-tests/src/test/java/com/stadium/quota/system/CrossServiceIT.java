package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.LoopbackBrowser;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;

/** The four packaged services together on the real test stack: what crosses a service boundary. */
@ExtendWith(RunningSuite.class)
class CrossServiceIT {

    @Test
    void everyServiceReportsItselfUp() {
        for (Service service : Service.values()) {
            given().get(service.url() + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void testMessageTravelsFromQuotaServiceThroughKafkaToTheMailbox() {
        String email = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@club.example";
        String notificationId = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", email, "recipientName", "Box Office", "note", "end to end"))
                .post(Service.QUOTA.url() + "/api/admin/test-messages")
                .then().statusCode(202).extract().path("notificationId");

        await().atMost(Duration.ofSeconds(30)).until(() -> !Mailbox.messagesFor(email).isEmpty());
        Map<String, Object> mail = Mailbox.messagesFor(email).get(0);
        assertThat(mail.get("subject")).isEqualTo("Test message from FC Example");
        assertThat((String) mail.get("mimeMessage")).contains("Hello Box Office").contains("end to end")
                .contains("X-Notification-Id: " + notificationId);

        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.NOTIFICATION.url() + "/api/admin/notifications/{id}", notificationId)
                .then().statusCode(200).body("status", equalTo("SENT")).body("recipientEmail", equalTo(email));
    }

    @Test
    void adminDashboardShowsTheDemoMatchesAndTheQuotasFromTheServices() throws Exception {
        try (WebClient browser = LoopbackBrowser.open()) {
            HtmlPage dashboard = PortalData.signedIn(browser, "/admin", "manager", "manager");

            String text = dashboard.asNormalizedText();
            assertThat(text).contains("Signed in as Max Manager")
                    .contains("FC Example vs Rivals United")
                    .contains("FC Example vs Harbour City")
                    .contains("FC Example vs Athletic North");
            assertThat(dashboard.getElementById("quota-total").asNormalizedText()).endsWith("quota(s) in all.");
            assertThat(dashboard.getElementById("matches-unavailable")).isNull();
        }
    }
}
