package com.stadium.quota.allocation.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.catalog.Announcements;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Venues and matches created through the API into the test stack's PostgreSQL. */
@QuarkusTest
class VenueAndMatchLoadingTest {

    @Inject
    ObjectMapper json;

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String smallVenueJson(String code) {
        return """
                {"code":"%s","name":"Training ground","sectors":[
                  {"code":"T1","category":"CAT1","seats":[{"row":1,"number":1},{"row":1,"number":2},{"row":2,"number":1}]},
                  {"code":"T2","name":"Terrace","category":"CAT3","seats":[{"row":1,"number":1,"accessible":true}]}]}
                """.formatted(code);
    }

    @Test
    void adminCreatesAVenueFromJsonAndThenAMatchThere() {
        String code = uniqueCode("TG");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(smallVenueJson(code))
                .post("/api/venues")
                .then().statusCode(201)
                .body("seats", equalTo(4)).body("sectors", equalTo(2)).body("accessibleSeats", equalTo(1));

        String kickoff = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String match = uniqueCode("FRIENDLY");
        given().auth().oauth2(Tokens.of(Tokens.MANAGER)).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"Friendly","venueCode":"%s","kickoff":"%s",
                         "pricesCents":{"CAT1":2500,"CAT3":1000}}""".formatted(match, code, kickoff))
                .post("/api/matches")
                .then().statusCode(201).body("venueCode", equalTo(code)).body("pricesCents.CAT3", equalTo(1000));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches")
                .then().statusCode(200).body("code", hasItem(match));
    }

    @Test
    void aNewMatchIsAnnouncedOnTheCatalogWithEverySeatFree() {
        String code = uniqueCode("TG");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(smallVenueJson(code))
                .post("/api/venues").then().statusCode(201);
        Instant kickoff = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String match = uniqueCode("CUP");
        Instant created = Instant.now();
        long id = ((Number) given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"Cup tie","venueCode":"%s","kickoff":"%s",
                         "pricesCents":{"CAT1":2500,"CAT3":1000}}""".formatted(match, code, kickoff))
                .post("/api/matches").then().statusCode(201).extract().path("id")).longValue();

        MatchAnnounced announced = Announcements.of(json, id, created, m -> true).get(0);
        assertThat(announced).isEqualTo(new MatchAnnounced(id, match, "Cup tie", kickoff, code,
                MatchAnnounced.MatchState.SCHEDULED, announced.revision(), List.of(
                        new MatchAnnounced.SectorSeats("T1", "CAT1", 3, 3, 0, 0, 0),
                        new MatchAnnounced.SectorSeats("T2", "CAT3", 1, 1, 0, 0, 1))));
    }

    @Test
    void aTakenVenueCodeIsAConflict() {
        String code = uniqueCode("TG");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(smallVenueJson(code))
                .post("/api/venues").then().statusCode(201);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(smallVenueJson(code))
                .post("/api/venues")
                .then().statusCode(409).body("violations[0].field", equalTo("code"));
    }

    @Test
    void adminCreatesAVenueFromCsv() {
        String code = uniqueCode("CSV");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv")
                .queryParam("code", code).queryParam("name", "Small hall")
                .body("sector;category;row;seat;block\nH1;CAT2;1;1;0\nH1;CAT2;1;2;1\n")
                .post("/api/venues")
                .then().statusCode(201).body("code", equalTo(code)).body("seats", equalTo(2));
    }

    @Test
    void aBadCsvIsRefusedLineByLineAndNothingIsStored() {
        String code = uniqueCode("BAD");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv")
                .queryParam("code", code).queryParam("name", "Broken")
                .body("sector,category,row,seat\nH1,CAT2,1,1\nH1,CAT2,one,2\n")
                .post("/api/venues")
                .then().statusCode(400)
                .body("violations", hasSize(1))
                .body("violations[0].line", equalTo(3))
                .body("violations[0].field", equalTo("row"))
                .body("violations[0].value", equalTo("one"))
                .body("violations[0].message", equalTo("must be a whole number"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/venues")
                .then().body("code", org.hamcrest.Matchers.not(hasItem(code)));
    }

    @Test
    void malformedJsonAndWrongTypesAreRefusedNotFailed() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body("{\"code\":")
                .post("/api/venues").then().statusCode(400).body("title", equalTo("Unreadable body"));
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"code\":\"X1\",\"name\":\"n\",\"venueCode\":\"ARENA\",\"kickoff\":\"next tuesday\"}")
                .post("/api/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("kickoff"))
                .body("violations[0].message", equalTo("has the wrong type: expected Instant"));
    }

    @Test
    void aMatchAtAnUnknownVenueIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"code\":\"X2\",\"name\":\"n\",\"venueCode\":\"NOWHERE\",\"kickoff\":\"2030-01-01T18:00:00Z\"}")
                .post("/api/matches")
                .then().statusCode(400).body("violations.field", hasItem("venueCode"));
    }

    @Test
    void onlyAdminsCreateVenuesAndMatches() {
        given().contentType(ContentType.JSON).body(smallVenueJson("X")).post("/api/venues").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON).body(smallVenueJson("X"))
                .post("/api/venues").then().statusCode(403);
        given().contentType("text/csv").body("a").post("/api/venues").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/matches").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON).body("{}")
                .post("/api/matches").then().statusCode(403);
    }
}
