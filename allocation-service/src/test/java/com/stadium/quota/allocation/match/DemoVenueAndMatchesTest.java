package com.stadium.quota.allocation.match;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import com.stadium.quota.allocation.venue.StadiumGenerator;
import com.stadium.quota.allocation.venue.VenueLayout;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** The demo data is loaded at start into the test stack's PostgreSQL; read back through the API. */
@QuarkusTest
class DemoVenueAndMatchesTest {

    @Test
    void demoVenueIsStoredWithEverySeat() {
        VenueLayout arena = StadiumGenerator.generate("ARENA", "Example Arena");
        long expectedAccessible = arena.sectors().stream().flatMap(s -> s.seats().stream())
                .filter(VenueLayout.Seat::accessible).count();
        given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/venues")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].code", equalTo("ARENA"))
                .body("[0].sectors", equalTo(arena.sectors().size()))
                .body("[0].seats", equalTo(arena.seatCount()))
                .body("[0].accessibleSeats", equalTo((int) expectedAccessible));
    }

    @Test
    void threeUpcomingMatchesWithPricesPerCategory() {
        given().auth().oauth2(Tokens.of(Tokens.MANAGER))
                .get("/api/matches")
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("venueCode", everyItem(equalTo("ARENA")))
                .body("[0].name", equalTo("FC Example vs Rivals United"))
                .body("[0].pricesCents.VIP", equalTo(25_000))
                .body("[2].kickoff", notNullValue());
    }

    @Test
    void venuesAndMatchesAreForAdminsOnly() {
        for (String path : new String[] {"/api/venues", "/api/matches"}) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(Tokens.of(Tokens.HOLDER)).get(path).then().statusCode(403);
        }
    }
}
