package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.testing.TestStack;

import io.restassured.http.ContentType;

/**
 * Sessions as the mobile app gets them: a code from quota-service (deeplink or masquerade), exchanged at the real
 * Keycloak with the app's PKCE verifier (public client quota-app).
 */
public final class AppSessions {

    public static final String APP = "quota-app";
    public static final String APP_REDIRECT = "http://127.0.0.1/signed-in";

    private AppSessions() {
    }

    /** A PKCE verifier and its S256 challenge, as the app makes them. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce make() {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }
    }

    /** What the app does with the code: exchange it at Keycloak with its PKCE verifier. */
    public static String exchange(String code, Pkce pkce) {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", APP)
                .formParam("code", code).formParam("redirect_uri", APP_REDIRECT)
                .formParam("code_verifier", pkce.verifier())
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token of its own for the user (a fresh Keycloak session: masquerade ends the session it is asked with). */
    public static String freshToken(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "quota-cli")
                .formParam("username", username).formParam("password", password)
                .post(TestStack.keycloakUrl() + "/realms/quota/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The demo admin (who may masquerade) acting as the holder: the holder's token naming admin as impersonator. */
    public static String masquerading(String holderEmail) {
        Pkce pkce = Pkce.make();
        String code = given().auth().oauth2(freshToken("admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("holderEmail", holderEmail, "clientId", APP, "redirectUri", APP_REDIRECT,
                        "codeChallenge", pkce.challenge(), "codeChallengeMethod", "S256"))
                .post("/api/admin/masquerade").then().statusCode(200).extract().path("code");
        return exchange(code, pkce);
    }
}
