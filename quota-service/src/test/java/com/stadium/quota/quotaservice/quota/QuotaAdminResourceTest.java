package com.stadium.quota.quotaservice.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Tokens come from the test stack's real Keycloak. */
@QuarkusTest
class QuotaAdminResourceTest {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @Test
    void theAdminDetailNamesEachClaimedTicketsAttendeeAndNoneForUnclaimedOnes() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        String email = HeldQuotas.uniqueEmail("attended");
        UUID quota = HeldQuotas.allocated(email, 3, 100, false, false, json);
        List<UUID> tickets = data.tickets(quota).stream().map(t -> t.id).toList();
        String holder = Tokens.holder(email);
        String claim = given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", tickets.subList(0, 2))).post("/api/holder/quotas/{q}/claims", quota)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of(
                        Map.of("ticketId", tickets.get(0), "name", "Hanna Holder", "email", email),
                        Map.of("ticketId", tickets.get(1), "name", "Gus Guest", "email", "gus@friends.example"))))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then().statusCode(200);

        JsonPath detail = given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/admin/quotas/{id}", quota)
                .then().statusCode(200).extract().jsonPath();

        String gus = "tickets.find { it.id == '" + tickets.get(1) + "' }";
        assertThat(detail.getString(gus + ".status")).isEqualTo("SOLD");
        assertThat(detail.getString(gus + ".attendeeName")).isEqualTo("Gus Guest");
        assertThat(detail.getString(gus + ".attendeeEmail")).isEqualTo("gus@friends.example");
        String hanna = "tickets.find { it.id == '" + tickets.get(0) + "' }";
        assertThat(detail.getString(hanna + ".attendeeName")).isEqualTo("Hanna Holder");
        String unclaimed = "tickets.find { it.id == '" + tickets.get(2) + "' }";
        assertThat(detail.getString(unclaimed + ".status")).isEqualTo("ALLOCATED");
        assertThat(detail.getString(unclaimed + ".attendeeName")).isNull();
    }

    @Test
    void theAdminDetailShowsHowTheGroupWasSeated() {
        // match 2 is known only by the stand-in: a module run alone has no announcements from allocation-service
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        UUID quota = HeldQuotas.allocated(HeldQuotas.uniqueEmail("seated"), 2, 0, false, false, json);

        JsonPath detail = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas/{id}", quota)
                .then().statusCode(200).extract().jsonPath();

        assertThat(detail.getString("seatQuality.rule")).isEqualTo("1");
        assertThat(detail.getBoolean("seatQuality.together")).isTrue();
        assertThat(detail.getInt("seatQuality.rows")).isEqualTo(1);
        assertThat(detail.getInt("seatQuality.orphansCreated")).isZero();
        assertThat(detail.getDouble("seatQuality.meanQuality")).isEqualTo(64.5);
    }

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
