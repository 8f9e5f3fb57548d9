package com.stadium.quota.quotaservice.invitation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.Allocations;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Deeplinks issued when seats are held, mailed through notification-requests, re-sent and revoked. */
@QuarkusTest
class InvitationTest {

    @Inject
    ObjectMapper json;

    @Inject
    Invitations invitations;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private JsonPath allocatedQuota(String email, String matches) {
        return allocatedQuota(email, matches, "");
    }

    /** @param more further JSON members of the request, each with a leading comma */
    private JsonPath allocatedQuota(String email, String matches, String more) {
        JsonPath created = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Ivy Invited","matchIds":%s,"sectors":["W1"],"quantity":3,
                         "algorithm":"NM","expiresOn":"2099-12-31"%s}""".formatted(email, matches, more))
                .post("/api/admin/quotas").then().statusCode(201).extract().jsonPath();
        UUID first = UUID.fromString(created.getString("quotas[0].id"));
        Allocations.answer(Allocations.requestFor(first, json), "ALLOCATED", 3, 100, List.of(), json);
        return created;
    }

    /** The invitations mailed to {@code email}, oldest first. */
    private List<NotificationRequested> invitationsTo(String email, int count) {
        try (TopicReader reader = new TopicReader(Topics.NOTIFICATION_REQUESTS)) {
            return reader.awaitCount(r -> r.value().contains("QUOTA_INVITATION") && r.value().contains(email),
                    count, Duration.ofSeconds(20)).stream()
                    .map(r -> EventEnvelope.parse(r.value(), json).payloadAs(NotificationRequested.class, json))
                    .toList();
        }
    }

    private static String token(NotificationRequested invitation) {
        return ((Notice.QuotaInvitation) invitation.notice()).deeplinkToken();
    }

    private static String email() {
        return "ivy-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
    }

    @Test
    void heldSeatsBringTheHolderOneDeeplinkForTheWholeGroup() throws Exception {
        String email = email();
        JsonPath created = allocatedQuota(email, "[1, 2]");
        List<NotificationRequested> mailed = invitationsTo(email, 1);
        assertThat(mailed).hasSize(1);
        NotificationRequested invitation = mailed.get(0);
        Notice.QuotaInvitation notice = (Notice.QuotaInvitation) invitation.notice();
        String token = notice.deeplinkToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(notice.ticketCount()).isEqualTo(3);
        assertThat(notice.unclaimedTickets()).isEqualTo(6);
        assertThat(notice.matches()).extracting(Notice.Match::name)
                .containsExactly("FC Example vs Rivals United", "FC Example vs Harbour City");
        assertThat(invitation.locale()).as("nothing stored for the holder: the default").isEqualTo("en");

        Invitation opened = invitations.open(token).orElseThrow();
        assertThat(opened.quotaId.toString()).isEqualTo(created.getString("quotas[0].id"));
        assertThat(opened.groupId.toString()).isEqualTo(created.getString("groupId"));
        assertThat(opened.tokenHash).isEqualTo(DeeplinkToken.hashOf(token)).isNotEqualTo(token);
        assertThat(invitations.open(token + "x")).isEmpty();
    }

    @Test
    void theLanguageGivenWithAQuotaIsTheHoldersForEveryLaterMessage() {
        String email = email();
        allocatedQuota(email, "[1]", ",\"locale\":\"de-at\"");
        assertThat(invitationsTo(email, 1).get(0).locale()).isEqualTo("de-AT");

        allocatedQuota(email, "[2]");
        assertThat(invitationsTo(email, 2).get(1).locale()).as("stored for the holder, not only for one quota")
                .isEqualTo("de-AT");
    }

    @Test
    void aLanguageThatIsNoLanguageTagIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Ivy Invited","matchIds":[1],"sectors":["W1"],"quantity":3,
                         "algorithm":"NM","locale":"Deutsch"}""".formatted(email()))
                .post("/api/admin/quotas").then().statusCode(400)
                .body("violations[0].field", equalTo("locale"))
                .body("violations[0].message", equalTo("is not a language tag such as en, de or fr-CH"));
    }

    @Test
    void aResentDeeplinkReplacesTheOldOneAndARevokedOneOpensNothing() {
        String email = email();
        String quota = allocatedQuota(email, "[1]").getString("quotas[0].id");
        String first = token(invitationsTo(email, 1).get(0));

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/admin/quotas/{id}/invitation/resend", quota)
                .then().statusCode(202).body("sentTo", equalTo(email));
        String second = token(invitationsTo(email, 2).get(1));
        assertThat(second).isNotEqualTo(first);
        assertThat(invitations.open(first)).isEmpty();
        assertThat(invitations.open(second)).isPresent();

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).delete("/api/admin/quotas/{id}/invitation", quota)
                .then().statusCode(204);
        assertThat(invitations.open(second)).isEmpty();
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).delete("/api/admin/quotas/{id}/invitation", quota)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}/audit", quota)
                .then().body("action", org.hamcrest.Matchers.hasItems("INVITED", "INVITATION_REVOKED"));
    }

    @Test
    void aQuotaWithoutSeatsHasNothingToInviteTo() {
        String quota = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Pat Pending","matchIds":[1],"sectors":["W1"],"quantity":1,
                         "algorithm":"NM"}""".formatted(email()))
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/admin/quotas/{id}/invitation/resend", quota)
                .then().statusCode(409).body("violations[0].field", equalTo("state"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .post("/api/admin/quotas/{id}/invitation/resend", UUID.randomUUID()).then().statusCode(404);
    }
}
