package com.stadium.quota.quotaservice.signin;

import static com.stadium.quota.quotaservice.AppSessions.APP;
import static com.stadium.quota.quotaservice.AppSessions.APP_REDIRECT;
import static com.stadium.quota.quotaservice.AppSessions.exchange;
import static com.stadium.quota.quotaservice.AppSessions.freshToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.AppSessions.Pkce;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.audit.AuditEntry;
import com.stadium.quota.testing.KeycloakUsers;
import com.stadium.quota.testing.Metrics;
import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.TopicReader;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Deeplinks and masquerade become real Keycloak sessions of the test stack: the code quota-service hands out is
 * exchanged here as the mobile app would (public client quota-app, PKCE), and the token opens the holder API.
 */
@QuarkusTest
class SignInTest {

    static final String NOT_VALID = "this link is not valid (any more); ask the club for a new one";

    @Inject
    ObjectMapper json;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private static String email(String who) {
        return HeldQuotas.uniqueEmail(who);
    }

    /** An allocated quota for {@code email}; its id. */
    private String allocatedQuota(String email) {
        return HeldQuotas.allocated(email, 2, 0, false, false, json).toString();
    }

    /** The deeplink tokens mailed to {@code email}, oldest first. */
    private List<String> deeplinks(String email, int count) {
        try (TopicReader reader = new TopicReader(Topics.NOTIFICATION_REQUESTS)) {
            return reader.awaitCount(r -> r.value().contains("QUOTA_INVITATION") && r.value().contains(email),
                    count, Duration.ofSeconds(20)).stream()
                    .map(r -> EventEnvelope.parse(r.value(), json).payloadAs(NotificationRequested.class, json))
                    .map(n -> ((Notice.QuotaInvitation) n.notice()).deeplinkToken()).toList();
        }
    }

    private static io.restassured.response.ValidatableResponse redeem(String token, Pkce pkce) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "clientId", APP, "redirectUri", APP_REDIRECT,
                        "codeChallenge", pkce.challenge(), "codeChallengeMethod", "S256"))
                .post("/api/invitations/redeem").then();
    }

    /** Deeplinks redeemed so far, as the operator's metric counts them. */
    private double redeemedCount() {
        return Metrics.scrape(metrics.toString()).sum("suite_invitations_redeemed_total");
    }

    private static JsonPath claims(String accessToken) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    private static String userId(String username) {
        return given().auth().oauth2(KeycloakUsers.adminToken()).queryParam("username", username)
                .queryParam("exact", true).get(TestStack.keycloakUrl() + "/admin/realms/quota/users").then().statusCode(200)
                .extract().path("[0].id");
    }

    @Test
    void aRedeemedDeeplinkGivesTheAppAHolderSessionThatSeesTheQuota() throws Exception {
        String email = email("rita");
        String quota = allocatedQuota(email);
        String token = deeplinks(email, 1).get(0);
        Pkce pkce = Pkce.make();
        double redeemedBefore = redeemedCount();

        JsonPath signedIn = redeem(token, pkce).statusCode(200).extract().jsonPath();
        assertThat(redeemedCount()).as("invitations redeemed").isEqualTo(redeemedBefore + 1);
        assertThat(signedIn.getString("quotaId")).isEqualTo(quota);
        assertThat(signedIn.getString("email")).isEqualTo(email);
        assertThat(signedIn.getString("redirectUri")).isEqualTo(APP_REDIRECT);

        String accessToken = exchange(signedIn.getString("code"), pkce);
        JsonPath claims = claims(accessToken);
        assertThat(claims.getString("email")).isEqualTo(email);
        assertThat(claims.getString("azp")).isEqualTo(APP);
        assertThat(claims.getList("realm_access.roles", String.class)).contains("quota-holder")
                .doesNotContain("quota-manager", "quota-masquerade");
        assertThat(claims.getString("impersonator.username")).isEqualTo("service-account-quota-service");
        given().auth().oauth2(accessToken).get("/api/holder/quotas").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(quota));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}/audit", quota)
                .then().body("action", org.hamcrest.Matchers.hasItem("REDEEMED"));
    }

    @Test
    void aCodeNeedsTheAppsOwnPkceVerifier() throws Exception {
        String email = email("pkce");
        allocatedQuota(email);
        String code = redeem(deeplinks(email, 1).get(0), Pkce.make()).statusCode(200).extract().path("code");
        given().formParam("grant_type", "authorization_code").formParam("client_id", APP).formParam("code", code)
                .formParam("redirect_uri", APP_REDIRECT).formParam("code_verifier", Pkce.make().verifier())
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(400);
    }

    @Test
    void unknownRevokedTamperedAndMalformedLinksGetOneIdenticalRefusal() throws Exception {
        String email = email("tamper");
        String quota = allocatedQuota(email);
        String token = deeplinks(email, 1).get(0);
        Pkce pkce = Pkce.make();
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        List<String> bad = List.of(tampered, token + "x", "x".repeat(43), "y".repeat(5000), " ", "");
        double redeemedBefore = redeemedCount();
        String expected = null;
        for (String t : bad) {
            // each refusal names its own request (reference); all else is the same for every bad link
            String body = redeem(t, pkce).statusCode(404).body("violations[0].field", equalTo("token"))
                    .body("violations[0].message", equalTo(NOT_VALID)).extract().asString()
                    .replaceAll("\"reference\":\"[^\"]*\"", "\"reference\":\"…\"");
            expected = expected == null ? body : expected;
            assertThat(body).isEqualTo(expected);
        }
        assertThat(given().contentType(ContentType.JSON).body("{}").post("/api/invitations/redeem").then()
                .statusCode(404).extract().asString().replaceAll("\"reference\":\"[^\"]*\"", "\"reference\":\"…\""))
                .isEqualTo(expected);
        given().contentType(ContentType.JSON).body("not json").post("/api/invitations/redeem").then().statusCode(400);

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).delete("/api/admin/quotas/{id}/invitation", quota)
                .then().statusCode(204);
        assertThat(redeem(token, pkce).statusCode(404).extract().asString()
                .replaceAll("\"reference\":\"[^\"]*\"", "\"reference\":\"…\"")).isEqualTo(expected);
        assertThat(redeemedCount()).as("a refused link is no redeemed invitation").isEqualTo(redeemedBefore);
    }

    @Test
    void aResentInvitationShutsTheOldLinkOut() throws Exception {
        String email = email("resent");
        String quota = allocatedQuota(email);
        String first = deeplinks(email, 1).get(0);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/admin/quotas/{id}/invitation/resend", quota)
                .then().statusCode(202);
        String second = deeplinks(email, 2).get(1);
        Pkce pkce = Pkce.make();
        redeem(first, pkce).statusCode(404).body("violations[0].message", equalTo(NOT_VALID));
        String code = redeem(second, pkce).statusCode(200).extract().path("code");
        assertThat(claims(exchange(code, pkce)).getString("email")).isEqualTo(email);
    }

    @Test
    void aClientOrRedirectKeycloakRefusesIsNamed() throws Exception {
        String email = email("client");
        allocatedQuota(email);
        String token = deeplinks(email, 1).get(0);
        Pkce pkce = Pkce.make();
        given().contentType(ContentType.JSON).body(Map.of("token", token, "clientId", "no-such-client",
                "redirectUri", APP_REDIRECT, "codeChallenge", pkce.challenge()))
                .post("/api/invitations/redeem").then().statusCode(400)
                .body("violations[0].field", equalTo("clientId"));
        given().contentType(ContentType.JSON).body(Map.of("token", token, "clientId", APP,
                "redirectUri", "https://evil.example/steal", "codeChallenge", pkce.challenge()))
                .post("/api/invitations/redeem").then().statusCode(400)
                .body("violations[0].field", equalTo("redirectUri"));
        given().contentType(ContentType.JSON).body(Map.of("token", token, "redirectUri", APP_REDIRECT))
                .post("/api/invitations/redeem").then().statusCode(400)
                .body("violations[0].field", equalTo("clientId"));
        // the link still works after refused attempts
        redeem(token, pkce).statusCode(200);
    }

    @Test
    void anAdminWithMasqueradeGetsAHolderSessionNamingThemAsImpersonator() throws Exception {
        Pkce pkce = Pkce.make();
        String code = given().auth().oauth2(freshToken("admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("holderEmail", "Holder2@club.example", "clientId", APP, "redirectUri", APP_REDIRECT,
                        "codeChallenge", pkce.challenge(), "codeChallengeMethod", "S256"))
                .post("/api/admin/masquerade").then().statusCode(200)
                .body("email", equalTo("holder2@club.example")).extract().path("code");
        JsonPath claims = claims(exchange(code, pkce));
        assertThat(claims.getString("email")).isEqualTo("holder2@club.example");
        assertThat(claims.getString("impersonator.username")).isEqualTo("admin");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("quota-holder")
                .doesNotContain("quota-manager");

        List<AuditEntry> audit = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "action = ?1 and onBehalfOf = ?2", "MASQUERADE_STARTED", "holder2@club.example"));
        assertThat(audit).isNotEmpty().allSatisfy(e -> assertThat(e.actor).isEqualTo("admin"));
    }

    @Test
    void onlyMasqueradersMasqueradeAndOnlyAsHolders() throws Exception {
        Map<String, String> asHolder = Map.of("holderEmail", "holder@club.example", "clientId", APP,
                "redirectUri", APP_REDIRECT, "codeChallenge", Pkce.make().challenge());
        given().contentType(ContentType.JSON).body(asHolder).post("/api/admin/masquerade").then().statusCode(401);
        given().auth().oauth2(freshToken("manager", "manager")).contentType(ContentType.JSON).body(asHolder)
                .post("/api/admin/masquerade").then().statusCode(403);
        given().auth().oauth2(freshToken("holder", "holder")).contentType(ContentType.JSON).body(asHolder)
                .post("/api/admin/masquerade").then().statusCode(403);
        for (String staff : List.of("manager@club.example", "admin@club.example", "nobody@club.example")) {
            given().auth().oauth2(freshToken("admin", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("holderEmail", staff, "clientId", APP, "redirectUri", APP_REDIRECT,
                            "codeChallenge", Pkce.make().challenge()))
                    .post("/api/admin/masquerade").then().statusCode(404)
                    .body("violations[0].field", equalTo("holderEmail"));
        }
        // and Keycloak itself refuses the admin an impersonation of a staff member, asked directly
        given().auth().oauth2(freshToken("admin", "admin"))
                .post(TestStack.keycloakUrl() + "/admin/realms/quota/users/{id}/impersonation", userId("manager"))
                .then().statusCode(403);
    }

    @Test
    void theServiceAccountMayImpersonateHoldersButNeverStaff() {
        String service = given().formParam("grant_type", "client_credentials").formParam("client_id", "quota-service")
                .formParam("client_secret", "quota-service-local-secret")
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String users = TestStack.keycloakUrl() + "/admin/realms/quota/users";
        for (String staff : List.of("admin", "manager")) {
            String id = userId(staff);
            given().auth().oauth2(service).post(users + "/{id}/impersonation", id).then().statusCode(403);
            given().auth().oauth2(service).get(users + "/{id}", id).then().statusCode(403);
            given().auth().oauth2(service).contentType(ContentType.JSON)
                    .body("{\"type\":\"password\",\"value\":\"taken\",\"temporary\":false}")
                    .put(users + "/{id}/reset-password", id).then().statusCode(403);
        }
        given().auth().oauth2(service).queryParam("email", "admin@club.example").queryParam("exact", true)
                .get(users).then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"username\":\"outsider@x.example\",\"email\":\"outsider@x.example\",\"enabled\":true}")
                .post(users).then().statusCode(403);
        given().auth().oauth2(service).contentType(ContentType.JSON).body("[{\"name\":\"quota-manager\"}]")
                .post(users + "/{id}/role-mappings/realm", userId("holder2")).then().statusCode(403);
        given().auth().oauth2(service).post(users + "/{id}/impersonation", userId("holder2")).then().statusCode(200);
    }
}
