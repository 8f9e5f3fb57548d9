package com.stadium.quota.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak of the test stack, for the demo users of infra/keycloak/quota-realm.json.
 * Cached per user for the short life of a test class run (tokens live five minutes).
 */
public final class Tokens {

    /** Demo users and their passwords (local demo credentials only). */
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String HOLDER = "holder";
    /** Gate staff (role quota-gate): verifies ticket codes. */
    public static final String GATE = "gate";

    private static final Map<String, String> PASSWORDS = Map.of(ADMIN, "admin", MANAGER, "manager", HOLDER, "holder",
            GATE, "gate");
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    /** A bearer token for the user, obtained with the password grant of the quota-cli client. */
    public static String of(String username) {
        String password = PASSWORDS.get(username);
        if (password == null) {
            throw new IllegalArgumentException("no demo user " + username);
        }
        return token(username, password);
    }

    /**
     * A bearer token of a holder made for a test: a real Keycloak user with the holder role, found or created by
     * email through Keycloak's admin API (with a password only tests know; real holders have none).
     */
    public static String holder(String email) {
        String cached = fresh(email);
        if (cached != null) {
            return cached; // made and signed in a moment ago: no second trip through the admin API
        }
        KeycloakUsers.ensureHolder(email, TEST_HOLDER_PASSWORD);
        return token(email, TEST_HOLDER_PASSWORD);
    }

    private static final String TEST_HOLDER_PASSWORD = "test-holder-only";

    /**
     * A holder's token that lives only {@code seconds} (not cached here): from a copy of quota-cli whose access tokens
     * live that long, made once through Keycloak's admin API. For tests of what happens when a token expires.
     */
    @SuppressWarnings("unchecked")
    public static synchronized String shortLived(String email, int seconds) {
        KeycloakUsers.ensureHolder(email, TEST_HOLDER_PASSWORD);
        String clientId = "quota-cli-lives-" + seconds + "s";
        String admin = KeycloakUsers.adminToken();
        String clients = TestStack.keycloakUrl() + "/admin/realms/quota/clients";
        Map<String, Object> copy = new HashMap<>(given().auth().oauth2(admin)
                .queryParam("clientId", "quota-cli").get(clients).then().statusCode(200).extract()
                .jsonPath().getMap("[0]"));
        copy.remove("id");
        copy.put("clientId", clientId);
        Map<String, Object> attributes = new HashMap<>(
                (Map<String, Object>) copy.getOrDefault("attributes", Map.of()));
        attributes.put("access.token.lifespan", String.valueOf(seconds));
        copy.put("attributes", attributes);
        List<Map<String, Object>> mappers = (List<Map<String, Object>>) copy
                .getOrDefault("protocolMappers", List.of());
        copy.put("protocolMappers", mappers.stream().map(mapper -> {
            Map<String, Object> fresh = new HashMap<>(mapper);
            fresh.remove("id");
            return fresh;
        }).toList());
        int made = given().auth().oauth2(admin).contentType("application/json").body(copy).post(clients).then()
                .extract().statusCode();
        if (made != 201 && made != 409) { // 409: an earlier test made it
            throw new IllegalStateException("Keycloak did not make the client " + clientId + ": " + made);
        }
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", email).formParam("password", TEST_HOLDER_PASSWORD)
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * An access token of the app's public client quota-app for a holder, as the app gets one: a Keycloak session of
     * the holder (impersonation by quota-service's service account, as a deeplink does), then the code flow with
     * PKCE to the app's registered address. Its azp is quota-app, its audience quota-service.
     */
    public static String app(String email) {
        String realm = TestStack.keycloakUrl() + "/realms/quota";
        String service = given().formParam("grant_type", "client_credentials").formParam("client_id", "quota-service")
                .formParam("client_secret", "quota-service-local-secret").post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String id = given().auth().oauth2(service).queryParam("email", email).queryParam("exact", true)
                .get(TestStack.keycloakUrl() + "/admin/realms/quota/users").then().statusCode(200).extract()
                .path("[0].id");
        Map<String, String> session = given().auth().oauth2(service)
                .post(TestStack.keycloakUrl() + "/admin/realms/quota/users/{id}/impersonation", id)
                .then().statusCode(200).extract().cookies();
        String verifier = "test-verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String redirect = "stadiumquota://signed-in";
        String location = given().redirects().follow(false).cookies(session).queryParam("client_id", "quota-app")
                .queryParam("response_type", "code").queryParam("scope", "openid").queryParam("redirect_uri", redirect)
                .queryParam("state", "test").queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").get(realm + "/protocol/openid-connect/auth")
                .then().statusCode(302).extract().header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        return given().formParam("grant_type", "authorization_code").formParam("client_id", "quota-app")
                .formParam("code", code).formParam("redirect_uri", redirect).formParam("code_verifier", verifier)
                .post(realm + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /**
     * quota-service's service-account token (client credentials, role suite-service): issued for allocation-service
     * and notification-adapter, not for quota-service itself.
     */
    public static String serviceAccount() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "quota-service")
                .formParam("client_secret", "quota-service-local-secret")
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    /** The user's cached token while it has 30 s left, else null. */
    private static String fresh(String username) {
        Cached cached = CACHE.get(username);
        return cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 30_000 ? cached.token() : null;
    }

    // one sign-in at a time: Keycloak's brute-force protection refuses a user's concurrent logins (Keycloak 26,
    // "user_temporarily_disabled"), which a burst's threads would make when the cached token runs out together
    private static synchronized String token(String username, String password) {
        String fresh = fresh(username);
        if (fresh != null) {
            return fresh;
        }
        var response = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "quota-cli")
                .formParam("username", username)
                .formParam("password", password)
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(200).extract();
        String token = response.path("access_token");
        int seconds = response.path("expires_in");
        CACHE.put(username, new Cached(token, System.currentTimeMillis() + seconds * 1000L));
        return token;
    }
}
