package com.stadium.quota.quotaservice.claim;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.TestData;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.payment.SandboxPaymentProvider;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A holder of their own with allocated quotas (the matches a fixed catalog), and the claim's steps as the holder API
 * takes them: what the claim tests share.
 */
abstract class ClaimFixture {

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @Inject
    HoldExpiry expiry;

    @Inject
    SandboxPaymentProvider sandbox;

    String email;
    String token;

    @BeforeEach
    void holder() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        email = HeldQuotas.uniqueEmail("claimant");
        token = Tokens.holder(email);
    }

    UUID quota(int seats, int discountPercent) {
        return HeldQuotas.allocated(email, seats, discountPercent, true, false, json);
    }

    List<UUID> ticketIds(UUID quota) {
        return data.tickets(quota).stream().map(t -> t.id).toList();
    }

    ValidatableResponse select(UUID quota, List<UUID> tickets) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", tickets)).post("/api/holder/quotas/{q}/claims", quota).then();
    }

    UUID selected(UUID quota, List<UUID> tickets) {
        return UUID.fromString(select(quota, tickets).statusCode(201).extract().path("id"));
    }

    ValidatableResponse attendees(UUID quota, UUID claim, List<Map<String, Object>> attendees) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("attendees", attendees))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then();
    }

    static Map<String, Object> attendee(UUID ticket, String name, String email) {
        return Map.of("ticketId", ticket, "name", name, "email", email);
    }

    ValidatableResponse pay(UUID quota, UUID claim) {
        return given().auth().oauth2(token).post("/api/holder/quotas/{q}/claims/{c}/payment", quota, claim).then();
    }
}
