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
        Cached cached = CACHE.get(username);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return cached.token();
        }
        String password = PASSWORDS.get(username);
        if (password == null) {
            throw new IllegalArgumentException("no demo user " + username);
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
