package com.stadium.quota.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Test users in the quota realm, made through Keycloak's admin API with the test stack's bootstrap admin. */
public final class KeycloakUsers {

    private static final String ADMIN = System.getenv().getOrDefault("SUITE_KEYCLOAK_ADMIN", "kcadmin");
    private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SUITE_KEYCLOAK_ADMIN_PASSWORD",
            "kcadmin-local");

    private KeycloakUsers() {
    }

    /**
     * A user with the email in the group {@code holders} and with the password: made when missing, and given the
     * password when the suite provisioned it already (holders made by quota-service have none).
     */
    public static synchronized void ensureHolder(String email, String password) {
        String admin = adminToken();
        String users = TestStack.keycloakUrl() + "/admin/realms/quota/users";
        String id = find(admin, users, email);
        if (id == null) {
            String[] name = email.split("@")[0].split("[.-]", 2);
            int status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                    "username", email, "email", email, "emailVerified", true, "enabled", true,
                    "firstName", name[0], "lastName", name.length > 1 ? name[1] : "Guest")).post(users)
                    .then().extract().statusCode();
            if (status != 201 && status != 409) { // 409: quota-service provisioned it meanwhile
                throw new IllegalStateException("Keycloak did not make " + email + ": " + status);
            }
            id = find(admin, users, email);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .put(users + "/" + id + "/reset-password").then().statusCode(204);
        // holders are the members of the group "holders", which carries the holder role
        String group = given().auth().oauth2(admin).queryParam("search", "holders").queryParam("exact", true)
                .get(TestStack.keycloakUrl() + "/admin/realms/quota/groups").then().statusCode(200).extract()
                .path("[0].id");
        given().auth().oauth2(admin).put(users + "/" + id + "/groups/" + group).then().statusCode(204);
    }

    private static String find(String admin, String users, String email) {
        List<String> ids = given().auth().oauth2(admin).queryParam("email", email).queryParam("exact", true)
                .get(users).then().statusCode(200).extract().jsonPath().getList("id", String.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static String adminToken;
    private static long adminTokenUntil;

    /**
     * A token of the test Keycloak's bootstrap administrator (master realm), for its admin API; reused while it has
     * 15 s left (each sign-in costs Keycloak a password hash).
     */
    public static synchronized String adminToken() {
        if (adminToken == null || System.currentTimeMillis() > adminTokenUntil) {
            var answer = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", ADMIN).formParam("password", ADMIN_PASSWORD)
                    .post(TestStack.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract();
            adminToken = answer.path("access_token");
            adminTokenUntil = System.currentTimeMillis() + ((Integer) answer.path("expires_in") - 15) * 1000L;
        }
        return adminToken;
    }
}
