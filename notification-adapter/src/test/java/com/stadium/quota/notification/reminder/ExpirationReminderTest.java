package com.stadium.quota.notification.reminder;

import static com.stadium.quota.notification.Requests.invitation;
import static com.stadium.quota.notification.Requests.request;
import static com.stadium.quota.notification.Requests.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.notification.ReceivedMail;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** %test reminds one hour before the expiration and looks for due reminders every 250 ms. */
@QuarkusTest
class ExpirationReminderTest {

    private static final Duration LEAD_TIME = Duration.ofHours(1);

    @Test
    void unclaimedTicketsGetOneReminderBeforeTheQuotaExpires() throws Exception {
        String email = uniqueEmail();
        String quotaId = "q-remind-" + UUID.randomUUID();
        Instant expires = Instant.now().plus(LEAD_TIME).plusSeconds(4);
        Requests.send(request(NotificationKind.QUOTA_INVITATION, email, "Rosa Reminder", quotaId,
                invitation("remind-me", expires, Map.of(NotificationData.UNCLAIMED_TICKETS, "3"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.messagesFor(email).size() == 2);
        ReceivedMail reminder = ReceivedMail.all(email).get(1);
        assertThat(reminder.subject()).startsWith("Reminder: your tickets expire on");
        assertThat(reminder.text()).contains("Hello Rosa Reminder,").contains("You still have 3 unclaimed tickets")
                .contains("FC Example v Rovers").contains("/invitation/remind-me");
        // sent once, although the job keeps looking (about 8 more looks)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Mailbox.messagesFor(email).size() == 2);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/notifications?quotaId={q}", quotaId)
                .then().statusCode(200).body("kind", hasItems("QUOTA_INVITATION", "EXPIRATION_REMINDER"));
    }

    @Test
    void noReminderOnceEveryTicketIsClaimed() {
        String email = uniqueEmail();
        String quotaId = "q-claimed-" + UUID.randomUUID();
        Instant expires = Instant.now().plus(LEAD_TIME).plusSeconds(4);
        Requests.send(request(NotificationKind.QUOTA_INVITATION, email, "Cleo Claimer", quotaId,
                invitation("claimed", expires, Map.of())));
        Requests.send(request(NotificationKind.CLAIM_CONFIRMATION, email, "Cleo Claimer", quotaId,
                Map.of(NotificationData.UNCLAIMED_TICKETS, "0", NotificationData.TICKETS, NotificationData.write(
                        List.of(new Notice.Ticket("T-9", "FC Example v Rovers", Requests.KICKOFF, "E2",
                                "1", "1", null)), Requests.JSON))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.messagesFor(email).size() == 2);
        // until past the reminder's due time (4 s after sending), and a few polls more
        Duration untilPastDue = Duration.between(Instant.now(), expires.minus(LEAD_TIME).plusSeconds(2));
        await().during(untilPastDue.compareTo(Duration.ofSeconds(2)) > 0 ? untilPastDue : Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Mailbox.messagesFor(email).size() == 2);
    }

    @Test
    void aQuotaInvitedInsideTheLeadTimeGetsNoReminder() {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.QUOTA_INVITATION, email, "Lea Late", "q-late-" + UUID.randomUUID(),
                invitation("late", Instant.now().plus(LEAD_TIME).minusSeconds(60), Map.of())));

        ReceivedMail.awaitFirst(email);
        // the reminder would be due at once: about 8 looks of the job
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Mailbox.messagesFor(email).size() == 1);
    }
}
