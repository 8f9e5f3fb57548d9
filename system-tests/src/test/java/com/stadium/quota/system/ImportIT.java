package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.ImportFiles;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A 50-line CSV import over the three demo matches, through quota-service, Kafka and allocation-service. */
@ExtendWith(RunningSuite.class)
class ImportIT {

    @Test
    void fiftyLinesOverThreeMatchesAreCreatedTogetherAndAllocated() {
        String admin = Tokens.of(Tokens.ADMIN);
        List<Long> matches = given().auth().oauth2(admin).get(Service.ALLOCATION.url() + "/api/matches")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class).stream().sorted().limit(3)
                .toList();
        assertThat(matches).hasSize(3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String file = ImportFiles.fiftyLines(matches, run);

        long start = System.nanoTime();
        JsonPath uploaded = given().auth().oauth2(admin).contentType("text/csv").body(file)
                .queryParam("fileName", "fifty.csv").post(Service.QUOTA.url() + "/api/admin/imports")
                .then().log().ifValidationFails().statusCode(201).body("status", equalTo("VALIDATED")).body("violations", empty())
                .extract().jsonPath();
        long validated = System.nanoTime();
        String id = uploaded.getString("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post(Service.QUOTA.url() + "/api/admin/imports/{id}/confirm", id)
                .then().log().ifValidationFails().statusCode(200).body("status", equalTo("CONFIRMED")).body("progress.quotasCreated",
                        equalTo(70));
        long confirmed = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> given().auth()
                .oauth2(admin).get(Service.QUOTA.url() + "/api/admin/imports/{id}", id).then().statusCode(200)
                .extract().jsonPath().getBoolean("progress.done"));
        long allocated = System.nanoTime();

        JsonPath done = given().auth().oauth2(admin).get(Service.QUOTA.url() + "/api/admin/imports/{id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(done.getInt("progress.quotasAllocated")).isEqualTo(70);
        assertThat(done.getInt("progress.seatsAllocated")).isEqualTo(done.getInt("progress.seatsRequested"));
        System.out.printf("import of 50 lines (70 quotas, %d seats) over 3 matches: upload and check %d ms, confirm"
                + " %d ms, allocated %d ms later; %d ms in all%n", done.getInt("progress.seatsRequested"),
                ms(start, validated), ms(validated, confirmed), ms(confirmed, allocated), ms(start, allocated));
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
