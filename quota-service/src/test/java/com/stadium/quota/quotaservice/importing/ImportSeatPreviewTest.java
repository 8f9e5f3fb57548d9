package com.stadium.quota.quotaservice.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import com.stadium.quota.quotaservice.allocation.AllocationPreviewClient;
import com.stadium.quota.quotaservice.allocation.AllocationPreviewClient.Line;
import com.stadium.quota.quotaservice.allocation.AllocationPreviewClient.MatchFree;
import com.stadium.quota.quotaservice.allocation.AllocationPreviewClient.MatchSeats;
import com.stadium.quota.quotaservice.allocation.SeatPreview;
import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The upload report's seats per line: allocation-service's dry run stands in as a mock, like {@link Catalog} for its
 * matches; without it the real client finds no allocation-service in the test stack and the seats are unknown.
 */
@QuarkusTest
class ImportSeatPreviewTest {

    private static final String FILE = ImportResourceTest.HEADER
            + "vip@sponsor.example,Ada Sponsor,1,W1;W2,2,0,NM,2099-12-31,true,false,false\n"
            + "group@sponsor.example,Gia Group,1;3,W1,4,0,NM,,false,false,false\n";

    @BeforeEach
    void matches() {
        Catalog.install();
    }

    private static JsonPath upload(String file) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv").body(file)
                .queryParam("fileName", "seats.csv").when().post("/api/admin/imports").then().statusCode(201)
                .extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachValidLineShowsTheSeatsItWouldTakeAndAFailingGroupItsBlockingMatch() {
        SeatPreview preview = Mockito.mock(SeatPreview.class);
        List<AllocationPreviewClient.Seat> seats = List.of(new AllocationPreviewClient.Seat(11, "W1", "3", "7"),
                new AllocationPreviewClient.Seat(12, "W1", "3", "8"));
        when(preview.preview(any())).thenReturn(List.of(
                new Line(0, "ALLOCATED", 2, 2, 100, null, List.of(new MatchSeats(1, seats)), List.of()),
                new Line(1, "FAILED", 4, 0, 3, "only 3 of 4 seats are free in the chosen sectors", List.of(),
                        List.of(new MatchFree(1, 98), new MatchFree(3, 3)))));
        QuarkusMock.installMockForType(preview, SeatPreview.class);

        JsonPath report = upload(FILE);

        ArgumentCaptor<List<NewQuota>> asked = ArgumentCaptor.forClass(List.class);
        verify(preview, times(1)).preview(asked.capture());
        assertThat(asked.getValue()).extracting(NewQuota::holderEmail)
                .as("one dry run for the whole file, lines in order")
                .containsExactly("vip@sponsor.example", "group@sponsor.example");
        assertThat(report.getString("preview[0].seats.outcome")).isEqualTo("ALLOCATED");
        assertThat(report.getList("preview[0].seats.seats")).containsExactly(
                Map.of("sector", "W1", "row", "3", "seat", "7"), Map.of("sector", "W1", "row", "3", "seat", "8"));
        assertThat(report.getString("preview[1].seats.outcome")).isEqualTo("FAILED");
        assertThat(report.getList("preview[1].seats.blockingMatches")).containsExactly(
                Map.of("matchId", 3, "matchName", "FC Example vs Athletic North", "freeSeats", 3));
        assertThat(given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/imports/{id}", report.getString("id")).then().statusCode(200).extract().jsonPath()
                .getString("preview[1].seats.blockingMatches[0].matchName"))
                .as("the stored report keeps the upload's preview").isEqualTo("FC Example vs Athletic North");
    }

    @Test
    void withoutAnAnswerFromAllocationServiceTheLinesAreReportedWithUnknownSeats() {
        JsonPath report = upload(FILE);
        assertThat(report.getString("status")).isEqualTo("VALIDATED");
        assertThat(report.getList("preview.seats.outcome", String.class)).containsExactly("UNKNOWN", "UNKNOWN");
        assertThat(report.getList("preview[0].seats.seats")).isEmpty();
    }
}
