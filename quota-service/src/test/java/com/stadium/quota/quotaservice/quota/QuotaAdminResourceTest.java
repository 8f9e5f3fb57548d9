package com.stadium.quota.quotaservice.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Tokens come from the test stack's real Keycloak. */
@QuarkusTest
class QuotaAdminResourceTest {

    @Test
    void adminListsQuotasWithAPageAndATotal() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .when().get("/api/admin/quotas?page=0&size=5")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(5))
                .body("items", notNullValue())
                .body("total", notNullValue());
    }

    @Test
    void managerWithoutMasqueradeMayListToo() {
        given().auth().oauth2(Tokens.of(Tokens.MANAGER))
                .when().get("/api/admin/quotas").then().statusCode(200);
    }

    @Test
    void anonymousCallerIsAskedToAuthenticate() {
        given().when().get("/api/admin/quotas").then().statusCode(401);
    }

    @Test
    void holderIsForbiddenTheAdminApi() {
        given().auth().oauth2(Tokens.of(Tokens.HOLDER))
                .when().get("/api/admin/quotas").then().statusCode(403);
    }

    @Test
    void forgedTokenIsRejected() {
        String real = Tokens.of(Tokens.ADMIN);
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/admin/quotas").then().statusCode(401);
    }

    @Test
    void pageSizeOutOfRangeIsRefusedNamingTheParameter() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .when().get("/api/admin/quotas?size=5000")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("search.size"));
    }
}
