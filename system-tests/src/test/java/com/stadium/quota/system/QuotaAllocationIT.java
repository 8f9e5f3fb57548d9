package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A quota's life across the real services: quota-service, Kafka, allocation-service, PostgreSQL, Keycloak. */
@ExtendWith(RunningSuite.class)
class QuotaAllocationIT {

    private static long firstMatch() {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get(Service.ALLOCATION.url() + "/api/matches")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    private static JsonPath quota(String id) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get(Service.QUOTA.url() + "/api/admin/quotas/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int held(long match, String sector) {
        return seats(match, sector, "held");
    }

    private static int seats(long match, String sector, String state) {
        List<Map<String, Object>> sectors = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.ALLOCATION.url() + "/api/matches/{id}/availability", match)
                .then().statusCode(200).extract().jsonPath().getList("sectors");
        return sectors.stream().filter(s -> sector.equals(s.get("sector"))).findFirst()
                .map(s -> (Integer) s.get(state)).orElseThrow();
    }

    @Test
    void aHolderClaimsAndPaysAndTheInventoryShowsTheSeatsSoldUntilTheQuotaIsCancelled() {
        long match = firstMatch();
        int heldBefore = held(match, "W3");
        int soldBefore = seats(match, "W3", "sold");
        String email = "payer-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        String holder = Tokens.holder(email);
        String id = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Pia Payer","matchIds":[%d],"sectors":["W3"],
                         "quantity":4,"discountPercent":50,"algorithm":"NM","delegate":true}""".formatted(email, match))
                .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id");
        PortalData.awaitAllocated(id, Duration.ofSeconds(10));
        List<String> tickets = quota(id).getList("tickets.id", String.class);

        String claims = Service.QUOTA.url() + "/api/holder/quotas/" + id + "/claims";
        String claim = given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", tickets.subList(0, 2))).post(claims).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(holder).contentType(ContentType.JSON).body(Map.of("attendees", List.of(
                Map.of("ticketId", tickets.get(0), "name", "Pia Payer", "email", email),
                Map.of("ticketId", tickets.get(1), "name", "Gus Guest", "email", "gus@friends.example"))))
                .put(claims + "/" + claim + "/attendees").then().statusCode(200);
        String paymentUrl = given().auth().oauth2(holder).post(claims + "/" + claim + "/payment").then()
                .statusCode(200).extract().path("paymentUrl");
        assertThat(given().get(paymentUrl).then().statusCode(200).extract().asString()).contains("Pay 85.00 EUR");
        given().post(paymentUrl + "/succeed").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> seats(match, "W3", "sold") == soldBefore + 2);
        given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", "gus@friends.example", "recipientName", "Gus Guest", "tickets", 2))
                .post(Service.QUOTA.url() + "/api/holder/quotas/" + id + "/subquotas").then().statusCode(201);
        assertThat(held(match, "W3")).as("passed-on seats stay held").isEqualTo(heldBefore + 2);

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"ALL_UNUSED\"}")
                .post(Service.QUOTA.url() + "/api/admin/quotas/{id}/cancel", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> held(match, "W3") == heldBefore
                && seats(match, "W3", "sold") == soldBefore);
    }

    @Test
    void aQuotaIsCreatedAllocatedWithNeighbouringSeatsAndCancelledBackIntoTheInventory() {
        long match = firstMatch();
        int heldBefore = held(match, "W4");
        String id = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"vip@sponsor.example","holderName":"Vera VIP","matchIds":[%d],
                         "sectors":["W4"],"quantity":4,"discountPercent":25,"algorithm":"NM"}""".formatted(match))
                .post(Service.QUOTA.url() + "/api/admin/quotas")
                .then().statusCode(201).extract().path("quotas[0].id");

        PortalData.awaitAllocated(id, Duration.ofSeconds(10));
        JsonPath allocated = quota(id);
        assertThat(allocated.getList("tickets.sector", String.class)).containsOnly("W4").hasSize(4);
        assertThat(allocated.getList("tickets.row", String.class)).containsOnly(allocated.getString("tickets[0].row"));
        assertThat(allocated.getList("tickets.fullPriceCents", Integer.class)).containsOnly(8500);
        assertThat(allocated.getList("tickets.priceCents", Integer.class)).containsOnly(6375);
        assertThat(allocated.getBoolean("seatQuality.together")).as("allocation-service's report, carried over")
                .isTrue();
        assertThat(allocated.getInt("seatQuality.rows")).isEqualTo(1);
        assertThat(allocated.getString("seatQuality.rule")).isIn("1", "2");
        assertThat(held(match, "W4")).isEqualTo(heldBefore + 4);

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("{\"scope\":\"UNFULFILLED_ONLY\"}")
                .post(Service.QUOTA.url() + "/api/admin/quotas/{id}/cancel", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> held(match, "W4") == heldBefore);
    }

    @Test
    void aGroupThatOneMatchCannotSeatFailsAndNamesThatMatch() {
        List<Long> matches = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.ALLOCATION.url() + "/api/matches").then().extract().jsonPath().getList("id", Long.class);
        // fill VIP-WEST at the second match only (480 seats, wheelchair places included)
        String filler = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"club@club.example","holderName":"Club Reserve","matchIds":[%d],
                         "sectors":["VIP-WEST"],"quantity":478,"algorithm":"NM","includeAccessible":true}"""
                        .formatted(matches.get(1)))
                .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id");
        PortalData.awaitAllocated(filler, Duration.ofSeconds(10));

        String group = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"board@sponsor.example","holderName":"Bo Board","matchIds":[%d,%d],
                         "sectors":["VIP-WEST"],"quantity":4,"algorithm":"NM","includeAccessible":true}"""
                        .formatted(matches.get(0), matches.get(1)))
                .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> quota(group).getString("quota.state").equals("ALLOCATION_FAILED"));
        assertThat(quota(group).getString("failureReason"))
                .isEqualTo("only 2 of 4 seats are free in the chosen sectors (match " + matches.get(1) + " has 2 free)");
        assertThat(quota(group).getInt("freeSeats")).isEqualTo(2);
    }
}
