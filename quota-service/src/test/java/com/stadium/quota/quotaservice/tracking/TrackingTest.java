package com.stadium.quota.quotaservice.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Sponsor tracking over a match's quotas on the real test stack (match 2, as {@link HeldQuotas} allocates). */
@QuarkusTest
class TrackingTest {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @Inject
    Audit audit;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private static JsonPath tracking(long matchId) {
        return given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/admin/tracking?matchId={m}", matchId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String at(UUID quota) {
        return "quotas.find { it.quotaId == '" + quota + "' }";
    }

    @Test
    void aQuotaShowsItsInvitationItsTicketsAndItsSubquotaOnItsOwnLine() {
        String holder = HeldQuotas.uniqueEmail("track");
        UUID quota = HeldQuotas.allocated(holder, 6, 0, true, false, json);
        List<Ticket> tickets = data.tickets(quota);
        data.setStatus(tickets.get(0).id, TicketStatus.RESERVED, null);
        data.setStatus(tickets.get(1).id, TicketStatus.SOLD, 6000);
        data.setStatus(tickets.get(2).id, TicketStatus.SOLD, 0);
        String guest = HeldQuotas.uniqueEmail("guest");
        UUID sub = data.subquota(quota, guest, List.of(tickets.get(4).id, tickets.get(5).id));
        data.setStatus(tickets.get(5).id, TicketStatus.SOLD, 6000);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).post("/api/admin/quotas/{id}/invitation/resend", quota)
                .then().statusCode(202);
        QuarkusTransaction.requiringNew().run(() -> audit.record(quota, holder, "REDEEMED", Map.of()));

        JsonPath answer = tracking(2);

        assertThat(answer.getLong("matchId")).isEqualTo(2);
        assertThat(answer.getString(at(quota) + ".holderEmail")).isEqualTo(holder);
        assertThat(answer.getString(at(quota) + ".parentId")).isNull();
        assertThat(answer.getString(at(quota) + ".invitation.issuedAt")).isNotNull();
        assertThat(answer.getInt(at(quota) + ".invitation.resent")).isEqualTo(1);
        assertThat(answer.getBoolean(at(quota) + ".invitation.revoked")).isFalse();
        assertThat(answer.getString(at(quota) + ".invitation.redeemedAt")).isNotNull();
        assertThat(answer.getString(at(quota) + ".invitation.messageQuotaId")).isEqualTo(quota.toString());
        assertThat(answer.getMap(at(quota) + ".tickets")).isEqualTo(Map.of("allocated", 1, "claimed", 3, "paid", 1,
                "passedOn", 2));

        assertThat(answer.getString(at(sub) + ".parentId")).isEqualTo(quota.toString());
        assertThat(answer.getString(at(sub) + ".holderEmail")).isEqualTo(guest);
        assertThat(answer.getString(at(sub) + ".invitation.redeemedAt")).isNull();
        assertThat(answer.getMap(at(sub) + ".tickets")).isEqualTo(Map.of("allocated", 1, "claimed", 1, "paid", 1,
                "passedOn", 0));
        List<String> order = answer.getList("quotas.quotaId", String.class);
        assertThat(order.indexOf(sub.toString())).as("a subquota follows its quota")
                .isEqualTo(order.indexOf(quota.toString()) + 1);
    }

    @Test
    void theNeverOpenedExportListsAnUnusedLinkButNotAUsedOne() {
        String openedBy = HeldQuotas.uniqueEmail("opened");
        UUID opened = HeldQuotas.allocated(openedBy, 1, 0, false, false, json);
        String unopenedBy = HeldQuotas.uniqueEmail("unopened");
        UUID unopened = HeldQuotas.allocated(unopenedBy, 1, 0, false, false, json);
        QuarkusTransaction.requiringNew().run(() -> audit.record(opened, openedBy, "REDEEMED", Map.of()));

        String csv = given().auth().oauth2(Tokens.of(Tokens.MANAGER))
                .get("/api/admin/tracking/never-opened.csv?matchId=2").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("never-opened-match-2.csv")).extract().asString();

        assertThat(csv.lines().findFirst()).hasValue(String.join(",", NeverOpened.HEADER));
        assertThat(csv).contains(unopened + ",Hanna Holder," + unopenedBy + ",,ALLOCATED,1,")
                .doesNotContain(openedBy);
        assertThat(tracking(2).getBoolean(at(unopened) + ".neverOpened")).isTrue();
        assertThat(tracking(2).getBoolean(at(opened) + ".neverOpened")).isFalse();
        given().auth().oauth2(Tokens.of(Tokens.MANAGER)).get("/api/admin/tracking/never-opened.csv").then()
                .statusCode(400).body("violations[0].field", equalTo("matchId"));
    }

    @Test
    void aRevokedLinkShowsAsRevokedAndAMatchIsRequired() {
        UUID quota = HeldQuotas.allocated(HeldQuotas.uniqueEmail("revoked"), 1, 0, false, false, json);
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).delete("/api/admin/quotas/{id}/invitation", quota)
                .then().statusCode(204);
        assertThat(tracking(2).getBoolean(at(quota) + ".invitation.revoked")).isTrue();
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get("/api/admin/tracking").then().statusCode(400);
    }
}
