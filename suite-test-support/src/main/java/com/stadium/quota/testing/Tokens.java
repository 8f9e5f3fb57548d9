package com.stadium.quota.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
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

    private static final Map<String, String> PASSWORDS = Map.of(ADMIN, "admin", MANAGER, "manager", HOLDER, "holder");
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
        KeycloakUsers.ensureHolder(email, TEST_HOLDER_PASSWORD);
        return token(email, TEST_HOLDER_PASSWORD);
    }

    private static final String TEST_HOLDER_PASSWORD = "test-holder-only";

    private static String token(String username, String password) {
        Cached cached = CACHE.get(username);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return cached.token();
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
