package com.stadium.quota.allocation.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.AllocationCompleted;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The start's warm-up (issue 16): allocation-service says it is ready only once its consumers have joined their
 * groups and the allocation path has run in memory, and that run leaves no trace in the database.
 */
@QuarkusTest
class WarmUpTest {

    @Inject
    WarmUp warmUp;

    @Inject
    DataSource dataSource;

    @Test
    void readinessSaysWhichPartitionsTheInstanceHoldsAndWhatTheWarmUpDid() {
        await("allocation-service ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'allocation-requests' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'allocation-requests' }.data.partitions", equalTo("[0, 1, 2]"))
                .body("checks.find { it.name == 'allocation-requests' }.data.warmUpRequests", equalTo(20));
    }

    @Test
    void theWarmUpAnswersLikeTheAllocationAndHoldsRecordsAndPublishesNothing() throws Exception {
        List<AllocationCompleted> answers = warmUp.rehearse(200, Duration.ofSeconds(60));

        assertThat(answers).hasSize(200);
        assertThat(answers).filteredOn(a -> a.outcome() == AllocationCompleted.Outcome.ALLOCATED)
                .as("an empty-ish stadium seats nearly every group").hasSizeGreaterThan(150)
                .allSatisfy(a -> assertThat(a.holds()).isNotEmpty().allSatisfy(h -> assertThat(h.seats())
                        .hasSize(a.requested()).allSatisfy(s -> assertThat(s.priceCents()).isPositive())));
        assertThat(answers).extracting(a -> a.algorithm().name()).contains("NM", "REDOM");
        assertThat(answers).as("groups over two matches").anySatisfy(a -> assertThat(a.holds()).hasSize(2));
        List<String> requestIds = answers.stream().map(a -> a.requestId().toString()).toList();
        for (String table : List.of("allocation", "allocation_report", "seat_hold")) {
            assertThat(count("select count(*) from " + table + " where request_id::text = any (?)", requestIds))
                    .as("rows of the warm-up's requests in " + table).isZero();
        }
        assertThat(count("select count(*) from outbox_message where (envelope::jsonb #>> '{payload,requestId}')"
                + " = any (?)", requestIds)).as("events of the warm-up's requests").isZero();
    }

    private long count(String sql, List<String> requestIds) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setArray(1, db.createArrayOf("text", requestIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
