package com.stadium.quota.allocation.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The allocation dry run on the real test stack, in sectors no other test of this module uses (N3, W5). */
@QuarkusTest
class PreviewResourceTest {

    private static List<Long> matchIds() {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/matches")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
    }

    private static Map<String, Object> sector(long matchId, String code) {
        List<Map<String, Object>> sectors = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/matches/{id}/availability", matchId)
                .then().statusCode(200).extract().jsonPath().getList("sectors");
        return sectors.stream().filter(s -> code.equals(s.get("sector"))).findFirst().orElseThrow();
    }

    private static String request(List<Long> matches, String sector, int quantity) {
        return request(matches, sector, quantity, false);
    }

    private static String request(List<Long> matches, String sector, int quantity, boolean includeAccessible) {
        return """
                {"matchIds":%s,"sectors":["%s"],"quantity":%d,"algorithm":"NM","includeAccessible":%s,
                 "allowPartial":false}""".formatted(matches, sector, quantity, includeAccessible);
    }

    private static JsonPath preview(String... requests) {
        return given().auth().oauth2(Tokens.of(Tokens.MANAGER)).contentType(ContentType.JSON)
                .body("{\"requests\":[" + String.join(",", requests) + "]}")
                .post("/api/allocations/preview").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void requestsInOrderNeverShareASeatAndNothingIsHeld() {
        List<Long> matches = matchIds();
        long first = matches.get(0);
        long second = matches.get(1);
        Object heldBefore = sector(first, "N3").get("held");

        JsonPath answer = preview(request(List.of(first), "N3", 6), request(List.of(first), "N3", 6),
                request(List.of(first, second), "N3", 4));

        assertThat(answer.getList("lines.outcome", String.class)).containsExactly("ALLOCATED", "ALLOCATED",
                "ALLOCATED");
        assertThat(answer.getList("lines.index", Integer.class)).containsExactly(0, 1, 2);
        List<Long> one = answer.getList("lines[0].matches[0].seats.seatId", Long.class);
        List<Long> two = answer.getList("lines[1].matches[0].seats.seatId", Long.class);
        List<Long> group = answer.getList("lines[2].matches[0].seats.seatId", Long.class);
        assertThat(one).hasSize(6).doesNotContainAnyElementsOf(two).doesNotContainAnyElementsOf(group);
        assertThat(two).hasSize(6).doesNotContainAnyElementsOf(group);
        assertThat(answer.getList("lines[2].matches.matchId", Long.class)).containsExactly(first, second);
        assertThat(answer.getList("lines[2].matches[1].seats.seatId", Long.class)).isEqualTo(group);
        assertThat(answer.getString("lines[0].matches[0].seats[0].sector")).isEqualTo("N3");
        assertThat(answer.getString("lines[0].matches[0].seats[0].row")).isNotBlank();
        assertThat(answer.getString("lines[0].matches[0].seats[0].seat")).isNotBlank();

        assertThat(sector(first, "N3").get("held")).as("a dry run holds nothing").isEqualTo(heldBefore);
        assertThat(preview(request(List.of(first), "N3", 6)).getList("lines[0].matches[0].seats.seatId", Long.class))
                .as("the same dry run again gives the same seats").isEqualTo(one);
    }

    @Test
    void aGroupThatAnEarlierRequestLeavesShortFailsAndNamesEachMatchsFreeSeats() {
        List<Long> matches = matchIds();
        long first = matches.get(0);
        long second = matches.get(1);
        int free = (Integer) sector(second, "W5").get("free");

        // every free seat counts, wheelchair places too, so the numbers are the availability's
        JsonPath answer = preview(request(List.of(second), "W5", free - 3, true),
                request(List.of(first, second), "W5", 8, true));

        assertThat(answer.getString("lines[1].outcome")).isEqualTo("FAILED");
        assertThat(answer.getList("lines[1].matches")).isEmpty();
        assertThat(answer.getInt("lines[1].freeSeats")).isEqualTo(3);
        assertThat(answer.getList("lines[1].freeByMatch")).containsExactly(
                Map.of("matchId", (int) first, "freeSeats", free), Map.of("matchId", (int) second, "freeSeats", 3));
        assertThat(sector(second, "W5").get("free")).isEqualTo(free);
    }

    @Test
    void aWrongRequestIsRejectedOnItsLineAndAnEmptyDryRunIsRefused() {
        JsonPath answer = preview(request(List.of(999_999L), "N3", 2),
                "{\"matchIds\":[" + matchIds().get(0) + "],\"sectors\":[\"N3\"],\"quantity\":2,\"algorithm\":\"XX\"}");
        assertThat(answer.getList("lines.outcome", String.class)).containsExactly("REJECTED", "REJECTED");
        assertThat(answer.getList("lines.reason", String.class)).containsExactly("unknown match 999999",
                "unknown algorithm XX");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body("{\"requests\":[]}")
                .post("/api/allocations/preview").then().statusCode(400)
                .body("violations[0].field", equalTo("requests"));
    }

    @Test
    void onlyAdminsAndServicesAskForADryRun() {
        String body = "{\"requests\":[" + request(List.of(matchIds().get(0)), "N3", 1) + "]}";
        given().contentType(ContentType.JSON).body(body).post("/api/allocations/preview").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Tokens.HOLDER)).contentType(ContentType.JSON).body(body)
                .post("/api/allocations/preview").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/allocations/preview").then().statusCode(200);
    }
}
