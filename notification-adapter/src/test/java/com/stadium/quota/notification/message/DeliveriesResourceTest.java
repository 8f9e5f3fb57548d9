package com.stadium.quota.notification.message;

import static com.stadium.quota.notification.Requests.invitation;
import static com.stadium.quota.notification.Requests.request;
import static com.stadium.quota.notification.Requests.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.notification.SmtpLink;
import com.stadium.quota.notification.SmtpLinkResource;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Sponsor tracking's delivery data: invitations through the real Kafka and SMTP of the test stack. */
@QuarkusTest
class DeliveriesResourceTest {

    private final SmtpLink smtp = SmtpLinkResource.link();

    @Test
    void eachQuotaShowsItsLatestInvitationAndHowManyWereSent() {
        String delivered = "q-track-" + UUID.randomUUID();
        String bounced = "q-track-" + UUID.randomUUID();
        String silent = "q-track-" + UUID.randomUUID();
        Instant expires = Instant.now().plus(Duration.ofDays(30));
        UUID first = Requests.send(request(NotificationKind.QUOTA_INVITATION, uniqueEmail(), "Dan Delivered",
                delivered, invitation("t1", expires, Map.of())));
        Requests.awaitStatus(first, "SENT");
        UUID second = Requests.send(request(NotificationKind.QUOTA_INVITATION, uniqueEmail(), "Dan Delivered",
                delivered, invitation("t2", expires, Map.of())));
        Requests.awaitStatus(second, "SENT");
        // an invitation that SMTP keeps refusing fails for good: the failure path a bounce also ends in
        UUID failed;
        smtp.cut();
        try {
            failed = Requests.send(Requests.request(new Notice.SubquotaInvitation("t3", Requests.MATCH_LIST, 2,
                    expires, 2, "Ada Sponsor", null), uniqueEmail(), "Bo Bounced", "en", bounced));
            Requests.awaitStatus(failed, "FAILED");
        } finally {
            smtp.restore();
        }

        given().auth().oauth2(Tokens.of(Tokens.MANAGER))
                .get("/api/admin/notifications/deliveries?quotaId={a}&quotaId={b}&quotaId={c}", delivered, bounced,
                        silent)
                .then().statusCode(200)
                .body("quotas.quotaId", equalTo(java.util.List.of(delivered, bounced, silent)))
                .body("quotas[0].latestId", equalTo(second.toString()))
                .body("quotas[0].status", equalTo("SENT"))
                .body("quotas[0].messages", equalTo(2))
                .body("quotas[0].sent", equalTo(2))
                .body("quotas[1].kind", equalTo("SUBQUOTA_INVITATION"))
                .body("quotas[1].status", equalTo("FAILED"))
                .body("quotas[1].lastError", not(emptyOrNullString()))
                .body("quotas[1].failed", equalTo(1))
                .body("quotas[2].status", equalTo(null))
                .body("quotas[2].messages", equalTo(0));
    }

    @Test
    void quotaIdsAreRequiredAndAtMost200AndOnlyAdminsAsk() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/notifications/deliveries")
                .then().statusCode(400);
        StringBuilder many = new StringBuilder("/api/admin/notifications/deliveries?quotaId=q0");
        for (int i = 1; i <= 200; i++) {
            many.append("&quotaId=q").append(i);
        }
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get(many.toString()).then().statusCode(400);
        given().get("/api/admin/notifications/deliveries?quotaId=q1").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get("/api/admin/notifications/deliveries?quotaId=q1")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/notifications/deliveries?quotaId=q1")
                .then().statusCode(200).body("quotas[0].messages", equalTo(0));
    }
}
