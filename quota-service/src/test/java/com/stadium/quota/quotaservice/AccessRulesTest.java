package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.payment.CallbackSignature;
import com.stadium.quota.quotaservice.payment.PaymentCallbackResource;
import com.stadium.quota.testing.AccessRules;
import com.stadium.quota.testing.AccessRulesCheck;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Authorization by construction: every operation of the service's own OpenAPI document must have a row in
 * src/test/resources/access-rules.md, every kind of caller gets the answer that row gives, and the allowed caller's
 * malformed bodies get no 5xx.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends AccessRulesCheck {

    static final String CALLBACK_SECRET = "sandbox-local-secret";

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    String holder;
    String subRecipient;
    String other;
    long signedInAt;
    final Map<String, String> tokens = new HashMap<>();
    /** Holder A's quota, subquota and claim (attendees given) by placeholder name; null when it must be rebuilt. */
    Map<String, String> world;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    @BeforeEach
    void signIn() {
        if (holder == null) {
            holder = HeldQuotas.uniqueEmail("rules-holder");
            subRecipient = HeldQuotas.uniqueEmail("rules-sub");
            other = HeldQuotas.uniqueEmail("rules-other");
        }
        // tokens live five minutes: a slow machine gets fresh ones for the same people
        if (tokens.isEmpty() || System.nanoTime() - signedInAt > TimeUnit.MINUTES.toNanos(3)) {
            signedInAt = System.nanoTime();
            tokens.put("holder", Tokens.holder(holder));
            tokens.put("other", Tokens.holder(other));
            tokens.put("sub", Tokens.holder(subRecipient));
            tokens.put("manager", Tokens.of(Tokens.MANAGER));
            tokens.put("admin", Tokens.of(Tokens.ADMIN));
            tokens.put("masq", AppSessions.masquerading(holder));
            tokens.put("service", Tokens.serviceAccount());
            tokens.put("gate", Tokens.of(Tokens.GATE));
        }
    }

    @Override
    protected Set<String> callers() {
        return Set.of("anonymous", "holder", "other", "sub", "manager", "admin", "masq", "service", "gate");
    }

    @Override
    protected Response send(AccessRules.Rule rule, String caller, String body) {
        signIn();
        if (world == null && needsWorld(rule)) {
            world = world();
        }
        if (world != null && rule.template().contains("{paymentId}") && !world.containsKey("paymentId")) {
            world.put("paymentId", startedPayment());
        }
        Map<String, String> values = new HashMap<>(world == null ? Map.of() : world);
        values.put("holder", holder);
        values.put("challenge", AppSessions.Pkce.make().challenge());
        String token = tokens.get(caller);
        RequestSpecification request = AccessRules.as(token);
        if (rule.template().equals("/api/payments/callback")) {
            // the provider signs every callback; unsigned ones are refused before anything else
            request.header(PaymentCallbackResource.SIGNATURE_HEADER, CallbackSignature.sign(CALLBACK_SECRET,
                    AccessRules.fill(body, values).getBytes(StandardCharsets.UTF_8)));
        }
        Response response = AccessRules.send(rule, request, values, body);
        int status = response.statusCode();
        if (status >= 200 && status < 300 && !rule.method().equals("GET") && rule.template().startsWith("/api/holder/")) {
            // a change to holder A's quota (a refusal changes nothing); the next call gets a fresh one
            world = null;
        }
        return response;
    }

    /** Whether the call names holder A's quota, claim, subquota or tickets (building one costs an allocation). */
    private static boolean needsWorld(AccessRules.Rule rule) {
        return rule.ids().equals("world") && rule.template().contains("{") || rule.body().contains("{ticket");
    }

    private Map<String, String> world() {
        String holderToken = tokens.get("holder");
        UUID quota = HeldQuotas.allocated(holder, 6, 50, true, false, json);
        List<UUID> tickets = data.tickets(quota).stream().map(t -> t.id).toList();
        UUID subquota = UUID.fromString(given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", subRecipient, "recipientName", "Sub Recipient", "ticketIds",
                        List.of(tickets.get(5))))
                .post("/api/holder/quotas/{q}/subquotas", quota).then().statusCode(201).extract().path("quota.id"));
        UUID claim = claimWithAttendees(quota, tickets.get(0));
        Map<String, String> world = new LinkedHashMap<>();
        world.put("quotaId", quota.toString());
        world.put("id", quota.toString());
        world.put("claimId", claim.toString());
        world.put("subquotaId", subquota.toString());
        world.put("ticketId", tickets.get(0).toString());
        for (int i = 0; i < 4; i++) {
            world.put("ticket" + i, tickets.get(i).toString());
        }
        return world;
    }

    private UUID claimWithAttendees(UUID quota, UUID ticket) {
        String holderToken = tokens.get("holder");
        UUID claim = UUID.fromString(given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(ticket))).post("/api/holder/quotas/{q}/claims", quota)
                .then().statusCode(201).extract().path("id"));
        given().auth().oauth2(holderToken).contentType(ContentType.JSON).body(Map.of("attendees", List.of(Map.of(
                "ticketId", ticket, "name", "Ann", "email", "ann@friends.example"))))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then().statusCode(200);
        return claim;
    }

    /** A second claim of holder A's quota (ticket 3) whose payment is started at the sandbox, without return address. */
    private String startedPayment() {
        UUID quota = UUID.fromString(world.get("quotaId"));
        UUID claim = claimWithAttendees(quota, UUID.fromString(world.get("ticket3")));
        return given().auth().oauth2(tokens.get("holder")).post("/api/holder/quotas/{q}/claims/{c}/payment", quota,
                claim).then().statusCode(200).extract().path("paymentId");
    }
}
