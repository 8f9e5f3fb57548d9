package com.stadium.quota.quotaservice.gate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.AtOnce;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.ticketcode.TicketCode;
import com.stadium.quota.quotaservice.ticketcode.TicketCodeReader;
import com.stadium.quota.quotaservice.ticketcode.TicketKeys;
import com.stadium.quota.quotaservice.ticketcode.TicketSigner;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The gate (issue 21): a re-assigned ticket's old code is void and its new one admitted once, a cancelled ticket, a
 * code for another match, a forged or tampered code and garbage are refused with the reason; 64 scanners with one
 * code at the same moment admit it exactly once. Who may ask is in access-rules.md (AccessRulesTest).
 */
@QuarkusTest
class GateResourceTest {

    /** Match 2 of {@link FixedCatalog}, where {@link HeldQuotas} quotas are. */
    static final long MATCH = 2;

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    String holder;
    String token;

    @BeforeEach
    void world() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        holder = HeldQuotas.uniqueEmail("attendee-of");
        token = Tokens.holder(holder);
    }

    /** The codes of a free, transferable quota's tickets, all sold. */
    private Map<UUID, String> soldCodes(UUID quota, int seats) {
        HeldQuotas.sellFree(token, quota, data.tickets(quota).stream().map(t -> t.id).toList());
        Map<UUID, String> codes = new LinkedHashMap<>();
        given().auth().oauth2(token).get("/api/holder/quotas/{q}", quota).then().statusCode(200).extract().jsonPath()
                .getList("tickets", Map.class).forEach(c -> codes.put(UUID.fromString((String) c.get("id")),
                        (String) c.get("code")));
        assertThat(codes).hasSize(seats).doesNotContainValue(null);
        return codes;
    }

    private static Response verify(String code, Object matchId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("matchId", matchId);
        return given().auth().oauth2(Tokens.of(Tokens.GATE)).contentType(ContentType.JSON).body(body)
                .post("/api/tickets/verify");
    }

    private static JsonPath verdict(String code, long matchId) {
        return verify(code, matchId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReassignedTicketsOldCodeIsVoidAndTheNewOneIsAdmittedOnce() {
        UUID quota = HeldQuotas.allocated(holder, 1, 100, true, true, json);
        Map.Entry<UUID, String> sold = soldCodes(quota, 1).entrySet().iterator().next();
        String newCode = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Bea New", "email", "bea@friends.example", "attendeeVersion", 0))
                .put("/api/holder/quotas/{q}/tickets/{t}/attendee", quota, sold.getKey()).then().statusCode(200)
                .extract().path("code");

        JsonPath old = verdict(sold.getValue(), MATCH);
        assertThat(old.getBoolean("valid")).isFalse();
        assertThat(old.getString("outcome")).isEqualTo("VOIDED");
        assertThat(old.getString("reason")).isEqualTo("the ticket was given to another attendee; this code is void");

        JsonPath admitted = verdict(newCode, MATCH);
        assertThat(admitted.getMap("")).containsEntry("valid", true).containsEntry("outcome", "VALID")
                .containsEntry("ticketId", sold.getKey().toString()).containsEntry("attendeeName", "Bea New")
                .containsEntry("sector", "W2");
        assertThat(admitted.getString("admittedAt")).isNotNull();

        JsonPath again = verdict(newCode, MATCH);
        assertThat(again.getMap("")).containsEntry("valid", false).containsEntry("outcome", "ALREADY_ADMITTED")
                .containsEntry("admittedAt", admitted.getString("admittedAt"));
        assertThat(verdict(sold.getValue(), MATCH).getString("outcome")).as("still void").isEqualTo("VOIDED");
    }

    @Test
    void aCancelledTicketAnotherMatchAForgedOrTamperedCodeAndGarbageAreRefusedWithTheReason() {
        UUID quota = HeldQuotas.allocated(holder, 2, 100, true, true, json);
        List<String> codes = new ArrayList<>(soldCodes(quota, 2).values());
        String kept = codes.get(0);

        JsonPath elsewhere = verdict(kept, 1);
        assertThat(elsewhere.getString("outcome")).isEqualTo("WRONG_MATCH");
        assertThat(elsewhere.getString("reason")).isEqualTo("a ticket for match 2, not match 1");
        assertThat(elsewhere.getString("seat")).as("a code of ours shows its seat").isNotNull();

        String[] parts = kept.split("\\.");
        char last = parts[3].charAt(0);
        String flipped = parts[0] + "." + parts[1] + "." + parts[2] + "." + (last == 'A' ? 'B' : 'A')
                + parts[3].substring(1);
        JsonPath tampered = verdict(flipped, MATCH);
        assertThat(tampered.getString("outcome")).isEqualTo("WRONG_SIGNATURE");
        assertThat(tampered.getString("seat")).as("an unsigned code shows nothing of the ticket").isNull();
        TicketCode claimed = TicketCode.ofPayload(parts[2]).orElseThrow();
        String forged = new TicketSigner("demo2026", TicketKeys.generate().getPrivate()).sign(claimed);
        assertThat(verdict(forged, MATCH).getString("outcome")).isEqualTo("WRONG_SIGNATURE");
        assertThat(verdict("hello gate", MATCH).getString("outcome")).isEqualTo("UNKNOWN");
        assertThat(verdict(claimed.ticketId().toString(), MATCH).getString("outcome"))
                .as("the old QR of a bare ticket id").isEqualTo("UNKNOWN");

        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("scope", "ALL_UNUSED")).post("/api/admin/quotas/{id}/cancel", quota).then()
                .statusCode(200);
        JsonPath cancelled = verdict(kept, MATCH);
        assertThat(cancelled.getString("outcome")).isEqualTo("CANCELLED");
        assertThat(cancelled.getBoolean("valid")).isFalse();
        assertThat(verdict(codes.get(1), MATCH).getString("outcome")).isEqualTo("CANCELLED");
    }

    @Test
    void aMissingCodeOrMatchIsA400NamingTheField() {
        verify(null, null).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("code", "matchId"));
        verify("v1.x.y.z", null).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("matchId"));
    }

    @Test
    void sixtyFourScannersWithOneCodeAtTheSameMomentAdmitItExactlyOnce() throws Exception {
        UUID quota = HeldQuotas.allocated(holder, 1, 100, true, true, json);
        String code = soldCodes(quota, 1).values().iterator().next();
        String gate = Tokens.of(Tokens.GATE);
        List<Callable<Response>> scanners = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            scanners.add(() -> given().auth().oauth2(gate).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "matchId", MATCH)).post("/api/tickets/verify"));
        }
        List<Response> answers = AtOnce.run(scanners);

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(r -> r.jsonPath().getString("outcome")).filteredOn("VALID"::equals)
                .hasSize(1);
        assertThat(answers).extracting(r -> r.jsonPath().getString("outcome")).filteredOn(o -> !"VALID".equals(o))
                .hasSize(63).containsOnly("ALREADY_ADMITTED");
        assertThat(answers).extracting(r -> r.jsonPath().getString("admittedAt")).as("one admission, one time")
                .containsOnly(answers.stream().filter(r -> r.jsonPath().getBoolean("valid")).findFirst()
                        .orElseThrow().jsonPath().getString("admittedAt"));
    }

    @Test
    void theKeysLetAnOfflineGateCheckACodeWithTheJdkAlone() {
        UUID quota = HeldQuotas.allocated(holder, 1, 100, true, true, json);
        String code = soldCodes(quota, 1).values().iterator().next();
        JsonPath keys = given().auth().oauth2(Tokens.of(Tokens.GATE)).get("/api/tickets/keys").then().statusCode(200)
                .extract().jsonPath();
        assertThat(keys.getList("keys.kid")).containsExactly("demo2026");
        assertThat(keys.getList("keys.alg")).containsExactly("Ed25519");

        TicketCodeReader offline = new TicketCodeReader(Map.of("demo2026",
                TicketKeys.publicKey("key", keys.getString("keys[0].publicKey"))));
        assertThat(offline.read(code)).isInstanceOfSatisfying(TicketCodeReader.Signed.class,
                signed -> assertThat(signed.code().matchId()).isEqualTo(MATCH));
    }
}
