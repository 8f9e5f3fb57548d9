package com.stadium.quota.quotaservice.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.stadium.quota.messaging.contract.AllocationCompleted;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.testing.Tokens;
import com.stadium.quota.testing.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The import API on the real test stack; allocation-service's matches come from {@link Catalog}. */
@QuarkusTest
class ImportResourceTest {

    static final String HEADER = "holder_email,holder_name,matches,sectors,quantity,discount,algorithm,expires_on,"
            + "delegate,transferable,allow_partial\n";

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @BeforeEach
    void matches() {
        Catalog.install();
    }

    static ValidatableResponse upload(byte[] file, String fileName) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv").body(file)
                .queryParam("fileName", fileName).when().post("/api/admin/imports").then();
    }

    static ValidatableResponse upload(String file) {
        return upload(file.getBytes(StandardCharsets.UTF_8), "test.csv");
    }

    static ValidatableResponse confirm(String id, String decisions) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(decisions)
                .when().post("/api/admin/imports/{id}/confirm", id).then();
    }

    static JsonPath detail(String id) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/imports/{id}", id).then()
                .statusCode(200).extract().jsonPath();
    }

    static long quotaCount() {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/quotas?size=1").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, Object> violation(int line, String field, String value, String message) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("field", field);
        v.put("message", message);
        v.put("line", line);
        if (value != null) {
            v.put("value", value);
        }
        return v;
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@club.example";
    }

    // --- the corpus: exact reports

    @Test
    void commaFileWithAQuotedDelimiterAndAGroupIsPreviewedWithoutWritingAnything() throws IOException {
        long before = quotaCount();
        JsonPath report = upload(corpus("good-comma.csv"), "good-comma.csv").statusCode(201)
                .body("status", equalTo("VALIDATED")).body("violations", empty()).body("duplicates", empty())
                .extract().jsonPath();
        assertThat(report.getList("preview.line", Integer.class)).containsExactly(2, 3, 4);
        assertThat(report.getString("preview[1].holderName")).isEqualTo("Partner Ltd, Box 12");
        assertThat(report.getList("preview[1].matchIds", Long.class)).containsExactly(1L, 3L);
        assertThat(report.getList("preview[1].matchNames", String.class))
                .containsExactly("FC Example vs Rivals United", "FC Example vs Athletic North");
        assertThat(report.getBoolean("preview[2].allowPartial")).isTrue();
        assertThat(report.getInt("preview[2].discountPercent")).isEqualTo(100);
        assertThat(report.getInt("progress.linesValidated")).isEqualTo(3);
        assertThat(report.getString("fileName")).isEqualTo("good-comma.csv");
        assertThat(quotaCount()).isEqualTo(before);
    }

    @Test
    void semicolonFileWithBomLineBreaksInQuotesAndBlankLinesIsNumberedByTheSpreadsheetsRows() throws IOException {
        JsonPath report = upload(corpus("good-semicolon-bom-linebreaks.csv"), "bom.csv").statusCode(201)
                .body("status", equalTo("VALIDATED")).body("violations", empty()).extract().jsonPath();
        assertThat(report.getList("preview.line", Integer.class)).as("a quoted line break stays in its row")
                .containsExactly(2, 5);
        assertThat(report.getString("preview[0].holderName")).isEqualTo("Box 7\r\nWest stand");
        assertThat(report.getString("preview[1].algorithm")).isEqualTo("REDOM");
    }

    @Test
    void excelsSepLineNamesTheDelimiterAndASemicolonFileImports() throws IOException {
        JsonPath report = upload(corpus("excel-sep-semicolon.csv"), "excel.csv").statusCode(201)
                .body("status", equalTo("VALIDATED")).body("violations", empty()).extract().jsonPath();
        assertThat(report.getList("preview.line", Integer.class)).as("the blank line is a row, the sep line none")
                .containsExactly(2, 4);
        assertThat(report.getList("preview[0].sectors", String.class)).containsExactly("W1", "W2");
        assertThat(report.getString("preview[1].holderName")).isEqualTo("Partner Ltd, Box 12");
        assertThat(report.getList("preview[1].matchIds", Long.class)).containsExactly(1L, 3L);
        String id = report.getString("id");
        confirm(id, "{\"acceptDuplicates\":true}").statusCode(200);
        assertThat(detail(id).getList("created.line", Integer.class)).contains(2, 4);

        JsonPath comma = upload(corpus("excel-sep-comma.csv"), "excel-comma.csv").statusCode(201)
                .body("status", equalTo("VALIDATED")).extract().jsonPath();
        assertThat(comma.getList("preview.line", Integer.class)).containsExactly(2);
        assertThat(comma.getString("preview[0].holderName")).isEqualTo("Guest; Box 3");
    }

    @Test
    void aBadLineAfterASepLineIsReportedAtItsRowInTheSpreadsheet() throws IOException {
        JsonPath report = upload(corpus("excel-sep-semicolon-bad-line.csv"), "excel-bad.csv").statusCode(201)
                .body("status", equalTo("INVALID")).extract().jsonPath();
        assertThat(report.getList("violations")).containsExactly(
                violation(4, "holder_email", "not-an-email", "is not an email address"));
        assertThat(report.getList("preview.line", Integer.class)).containsExactly(2);
        String errors = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get("/api/admin/imports/{id}/errors.csv", report.getString("id")).then().statusCode(200)
                .extract().asString();
        assertThat(errors).contains("4,holder_email,not-an-email");
        upload("sep=;\nholder_email;colour\nx;y\n").statusCode(400)
                .body("violations[0].line", equalTo(1)).body("violations[0].field", equalTo("colour"));
    }

    @Test
    void everyBadLineIsReportedAtOnceByLineColumnValueAndReason() throws IOException {
        JsonPath report = upload(corpus("bad-lines.csv"), "bad-lines.csv").statusCode(201)
                .body("status", equalTo("INVALID")).extract().jsonPath();
        assertThat(report.getList("violations")).containsExactly(
                violation(2, "holder_email", "not-an-email", "is not an email address"),
                violation(3, "matches", "99", "unknown match 99"),
                violation(4, "sectors", "Z9", "unknown sector Z9 at ARENA"),
                violation(5, "discount", "120", "must be between 0 and 100"),
                violation(6, "matches", "x", "is not a match id (a whole number)"),
                violation(6, "quantity", "two", "must be a whole number"),
                violation(6, "expires_on", "31.12.2099", "must be a date like 2027-03-31"),
                violation(6, "delegate", "maybe", "must be true or false"));
        assertThat(report.getList("preview.line", Integer.class)).containsExactly(7);
    }

    @Test
    void identicalRowsAreFlaggedBeforeConfirm() throws IOException {
        JsonPath report = upload(corpus("duplicate-rows.csv"), "twins.csv").statusCode(201)
                .body("status", equalTo("VALIDATED")).extract().jsonPath();
        assertThat(report.getList("duplicates")).containsExactly(
                Map.of("line", 3, "kind", "SAME_AS_LINE", "message", "repeats line 2 of this file"));
    }

    @Test
    void aGroupIsBlockedByTheMatchThatLacksSeats() throws IOException {
        JsonPath report = upload(corpus("multi-match-conflict.csv"), "group.csv").statusCode(201)
                .body("status", equalTo("INVALID")).extract().jsonPath();
        assertThat(report.getList("violations")).containsExactly(violation(2, "quantity", "4",
                "match 2 (FC Example vs Harbour City) has only 3 free seats in W1: it blocks the group"));
    }

    @Test
    void unknownOrRepeatedColumnsAndAFileWithoutDataLinesAreRefused() throws IOException {
        upload(corpus("unknown-column.csv"), "x.csv").statusCode(400)
                .body("violations[0].field", equalTo("colour")).body("violations[0].line", equalTo(1))
                .body("violations[0].message", startsWith("unknown column; the columns are [holder_email,"));
        upload(corpus("duplicate-column.csv"), "x.csv").statusCode(400)
                .body("violations[0].field", equalTo("quantity")).body("violations[0].value", equalTo("Quantity"))
                .body("violations[0].message", equalTo("column appears twice"));
        upload(corpus("header-only.csv"), "x.csv").statusCode(400)
                .body("violations[0].message", equalTo("the file has a header but no data line"));
    }

    @Test
    void fiftyDataLinesAreAcceptedAndFiftyOneRefused() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 50; i++) {
            file.append("fifty").append(i).append("@club.example,Guest ").append(i).append(",3,W2,1,0,NM,,,,\n");
        }
        upload(file.toString()).statusCode(201).body("status", equalTo("VALIDATED"))
                .body("progress.lines", equalTo(50));
        file.append("one.more@club.example,One more,3,W2,1,0,NM,,,,\n");
        upload(file.toString()).statusCode(400).body("violations[0].message",
                equalTo("the file has 51 data lines; at most 50 quotas are imported at once: split it into several"
                        + " files"));
    }

    @Test
    void aFileThatIsNotTextOrTooLargeIsRefusedClearly() {
        upload(new byte[] {'P', 'K', 3, 4, 0, 0, 1}, "book.xlsx").statusCode(400)
                .body("violations[0].message", containsString("not a text file"));
        upload(new byte[] {'a', (byte) 0xFF, '\n'}, "latin.csv").statusCode(400)
                .body("violations[0].message", containsString("not UTF-8 text"));
        upload(new byte[ImportRules.MAX_BYTES + 1], "big.csv").statusCode(400)
                .body("violations[0].message", equalTo("the file has 1048577 bytes; at most 1048576 are accepted"));
    }

    @Test
    void theTemplateIsAValidImport() {
        String template = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/imports/template")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(template).startsWith(HEADER.trim());
        upload(template).statusCode(201).body("status", equalTo("VALIDATED")).body("violations", empty());
    }

    // --- confirm

    @Test
    void confirmCreatesEveryLineAndTheProgressFollowsTheAllocationResults() throws Exception {
        String single = unique("single");
        String group = unique("group");
        String id = upload(HEADER + single + ",Single,1,W1,2,0,NM,,,,\n" + group + ",Group,1;3,W2,3,0,NM,,,,\n")
                .statusCode(201).body("status", equalTo("VALIDATED")).extract().path("id");
        JsonPath confirmed = confirm(id, "{}").statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("admin")).extract().jsonPath();
        assertThat(confirmed.getInt("progress.quotasCreated")).isEqualTo(3);
        assertThat(confirmed.getInt("progress.quotasAllocating")).isEqualTo(3);
        assertThat(confirmed.getInt("progress.seatsRequested")).isEqualTo(8);
        assertThat(confirmed.getList("created.line", Integer.class)).containsExactly(2, 3, 3);

        String singleQuota = confirmed.getString("created[0].quotaId");
        long seat = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        allocationResult(singleQuota, "ALLOCATED", 2, 2, List.of(new AllocationCompleted.MatchHolds(1,
                UUID.fromString(singleQuota), List.of(new AllocationCompleted.HeldSeat(seat, "W1", "1", "1", "CAT1",
                        8500), new AllocationCompleted.HeldSeat(seat + 1, "W1", "1", "2", "CAT1", 8500)))),
                List.of());
        allocationResult(confirmed.getString("created[1].quotaId"), "FAILED", 3, 0, List.of(),
                List.of(new AllocationCompleted.MatchFree(1, 90), new AllocationCompleted.MatchFree(3, 1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> detail(id).getBoolean("progress.done"));
        JsonPath done = detail(id);
        assertThat(done.getInt("progress.quotasAllocated")).isEqualTo(1);
        assertThat(done.getInt("progress.quotasFailed")).isEqualTo(2);
        assertThat(done.getInt("progress.seatsAllocated")).isEqualTo(2);
        assertThat(done.getString("created[2].failureReason")).isEqualTo("FAILED (match 3 has 1 free)");
        String errors = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/imports/{id}/errors.csv", id)
                .then().statusCode(200).extract().asString();
        assertThat(errors).startsWith("line,column,value,reason\r\n")
                .contains("3,matches,3,allocation failed: FAILED (match 3 has 1 free)");

        confirm(id, "{}").statusCode(409).body("violations[0].field", equalTo("status"));
        assertThat(detail(id).getInt("progress.quotasCreated")).isEqualTo(3);
    }

    @Test
    void aLineWhoseSeatsWentMeanwhileRollsTheWholeImportBackAndIsNamed() {
        String id = upload(HEADER + unique("first") + ",First,1,W1,2,0,NM,,,,\n" + unique("second")
                + ",Second,1,E1,10,0,NM,,,,\n").statusCode(201).body("status", equalTo("VALIDATED"))
                .extract().path("id");
        Catalog.FREE.get(1L).put("E1", 4);
        long before = quotaCount();

        confirm(id, "{}").statusCode(409).body("violations", hasSize(1))
                .body("violations[0].line", equalTo(3))
                .body("violations[0].message", equalTo("match 1 (FC Example vs Rivals United) has only 4 free seats"
                        + " in E1"));
        assertThat(quotaCount()).isEqualTo(before);
        JsonPath failed = detail(id);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getInt("confirmFailure[0].line")).isEqualTo(3);
        assertThat(failed.getList("created")).isEmpty();

        Catalog.FREE.get(1L).put("E1", 50);
        confirm(id, "{}").statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("progress.quotasCreated", equalTo(2)).body("confirmFailure", empty());
    }

    @Test
    void flaggedRepeatsWaitForTheAdminsDecision() {
        String email = unique("repeat");
        String file = HEADER + email + ",Repeat,2,W2,2,0,NM,,,,\n" + email + ",Repeat,2,W2,2,0,NM,,,,\n";
        String first = upload(file).statusCode(201).extract().path("id");
        long before = quotaCount();
        confirm(first, "{}").statusCode(409).body("violations[0].line", equalTo(3))
                .body("violations[0].message", startsWith("repeats line 2 of this file; confirm with"));
        assertThat(quotaCount()).isEqualTo(before);
        confirm(first, "{\"skipLines\":[3]}").statusCode(200).body("progress.quotasCreated", equalTo(1));

        JsonPath again = upload(file).statusCode(201).extract().jsonPath();
        assertThat(again.getList("duplicates.kind", String.class))
                .containsExactly("SAME_FILE", "SAME_AS_QUOTA", "SAME_AS_LINE", "SAME_AS_QUOTA");
        assertThat(again.getString("duplicates[0].message")).contains("import " + first);
        confirm(again.getString("id"), "{\"skipLines\":[3]}").statusCode(409);
        confirm(again.getString("id"), "{\"acceptDuplicates\":true}").statusCode(200)
                .body("progress.quotasCreated", equalTo(2));
    }

    @Test
    void anInvalidImportCannotBeConfirmed() throws IOException {
        String id = upload(corpus("bad-lines.csv"), "bad.csv").statusCode(201).extract().path("id");
        confirm(id, "{}").statusCode(409).body("violations[0].field", equalTo("status"));
        confirm(UUID.randomUUID().toString(), "{}").statusCode(404);
    }

    @Test
    void theErrorReportNeutralisesFormulas() {
        String id = upload(HEADER + "=HYPERLINK(\"http://evil.example\"),@Name,1,W1,2,0,NM,,,,\n").statusCode(201)
                .extract().path("id");
        String errors = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/imports/{id}/errors.csv", id)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(errors).isEqualTo("line,column,value,reason\r\n"
                + "2,holder_email,\"'=HYPERLINK(\"\"http://evil.example\"\")\",is not an email address\r\n");
    }

    @Test
    void theListShowsTheNewestImportFirst() {
        String id = upload(HEADER + unique("listed") + ",Listed,1,W1,1,0,NM,,,,\n").statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/imports").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].uploadedBy", equalTo("admin"))
                .body("[0].lines", equalTo(1)).body("[0].status", equalTo("VALIDATED"));
    }

    // --- who may

    @Test
    void anonymousCallersAreAskedToAuthenticateOnEveryEndpoint() {
        String id = UUID.randomUUID().toString();
        given().get("/api/admin/imports").then().statusCode(401);
        given().get("/api/admin/imports/template").then().statusCode(401);
        given().get("/api/admin/imports/{id}", id).then().statusCode(401);
        given().get("/api/admin/imports/{id}/errors.csv", id).then().statusCode(401);
        given().contentType("text/csv").body(HEADER).post("/api/admin/imports").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/admin/imports/{id}/confirm", id).then()
                .statusCode(401);
    }

    @Test
    void holdersAreForbiddenEveryEndpoint() {
        String holder = Tokens.of(Tokens.HOLDER);
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(holder).get("/api/admin/imports").then().statusCode(403);
        given().auth().oauth2(holder).get("/api/admin/imports/template").then().statusCode(403);
        given().auth().oauth2(holder).get("/api/admin/imports/{id}", id).then().statusCode(403);
        given().auth().oauth2(holder).get("/api/admin/imports/{id}/errors.csv", id).then().statusCode(403);
        given().auth().oauth2(holder).contentType("text/csv").body(HEADER).post("/api/admin/imports").then()
                .statusCode(403);
        given().auth().oauth2(holder).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/imports/{id}/confirm", id).then().statusCode(403);
    }

    @Test
    void aManagerWithoutMasqueradeImportsToo() {
        String manager = Tokens.of(Tokens.MANAGER);
        String id = given().auth().oauth2(manager).contentType("text/csv")
                .body(HEADER + unique("managed") + ",Managed,1,W1,1,0,NM,,,,\n").post("/api/admin/imports").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(manager).get("/api/admin/imports/{id}", id).then().statusCode(200)
                .body("uploadedBy", equalTo("manager"));
        given().auth().oauth2(manager).get("/api/admin/imports/{id}/errors.csv", id).then().statusCode(200);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/imports/{id}/confirm", id).then().statusCode(200);
    }

    /** allocation-service's answer for the request that allocates {@code quotaId} (and its group). */
    private void allocationResult(String quotaId, String outcome, int requested, int allocated,
            List<AllocationCompleted.MatchHolds> holds, List<AllocationCompleted.MatchFree> freeByMatch)
            throws Exception {
        UUID requestId = QuarkusTransaction.requiringNew()
                .call(() -> Quota.<Quota>findById(UUID.fromString(quotaId)).allocationRequestId);
        AllocationCompleted result = new AllocationCompleted(requestId,
                AllocationCompleted.Outcome.valueOf(outcome), requested, allocated,
                freeByMatch.stream().mapToInt(AllocationCompleted.MatchFree::freeSeats).min()
                        .orElse(requested), null, AllocationRequested.Algorithm.NM, 1L, freeByMatch, holds);
        TopicWriter.send(Topics.ALLOCATION_RESULTS, quotaId,
                json.writeValueAsString(EventEnvelope.of(result, quotaId, Instant.now(), json)));
    }
}
