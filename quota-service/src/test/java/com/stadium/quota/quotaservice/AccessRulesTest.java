package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Authorization by construction: every operation of the service's own OpenAPI document must have a row in
 * src/test/resources/access-rules.md, and every kind of caller gets the answer that row gives.
 */
@QuarkusTest
class AccessRulesTest {

    static final List<String> CALLERS = List.of("anonymous", "holder", "other", "sub", "manager", "admin", "masq",
            "service", "gate");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One row of the table: an operation, how to call it, and the answer per caller. */
    record Rule(String method, String template, String ids, String query, String body, Map<String, String> expected) {
        String operation() {
            return method + " " + template;
        }
    }

    /** Holder A's quota with a subquota and a claim whose attendees are given: what the holder paths act on. */
    record World(UUID quota, UUID subquota, UUID claim, List<UUID> tickets) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    TestData data;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = AccessRulesTest.class.getResourceAsStream("/access-rules.md")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("| ") || line.startsWith("| operation")) {
                    continue;
                }
                String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
                assertThat(cells).as("columns of row %s", line).hasSize(4 + CALLERS.size());
                String[] op = cells[0].trim().split(" ", 2);
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    expected.put(CALLERS.get(i), cells[4 + i].trim());
                }
                rules.add(new Rule(op[0], op[1], cells[1].trim(), cells[2].trim(), cells[3].trim(), expected));
            }
        } catch (IOException e) {
            throw new IllegalStateException("access-rules.md is part of the test", e);
        }
        return rules;
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasARule() throws IOException {
        JsonNode paths = json.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString()).path("paths");
        Set<String> documented = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> ruled = new LinkedHashSet<>(rules().stream().map(Rule::operation).toList());
        assertThat(documented).as("the document lists operations").isNotEmpty();
        assertThat(documented.stream().filter(op -> !ruled.contains(op)).toList())
                .as("operations of /q/openapi without a row in access-rules.md").isEmpty();
        assertThat(ruled.stream().filter(op -> !documented.contains(op)).toList())
                .as("rows of access-rules.md the service no longer has").isEmpty();
    }

    @Test
    void everyCallerGetsTheAnswerTheTableGives() {
        String holder = HeldQuotas.uniqueEmail("rules-holder");
        String subRecipient = HeldQuotas.uniqueEmail("rules-sub");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("holder", Tokens.holder(holder));
        tokens.put("other", Tokens.holder(HeldQuotas.uniqueEmail("rules-other")));
        tokens.put("sub", Tokens.holder(subRecipient));
        tokens.put("manager", Tokens.of(Tokens.MANAGER));
        tokens.put("admin", Tokens.of(Tokens.ADMIN));
        tokens.put("masq", AppSessions.masquerading(holder));
        tokens.put("service", AppSessions.serviceAccount());
        tokens.put("gate", Tokens.of(Tokens.GATE));

        List<String> wrong = new ArrayList<>();
        World world = null;
        for (Rule rule : rules()) {
            for (String caller : CALLERS) {
                if (world == null && needsWorld(rule)) {
                    world = world(holder, subRecipient, tokens.get("holder"));
                }
                int status = send(rule, tokens.get(caller), world, holder);
                String expected = rule.expected().get(caller);
                if (status >= 500 || !expected.equals("TODO") && !matches(expected, status)) {
                    wrong.add("%s by %s: expected %s, got %d".formatted(rule.operation(), caller, expected, status));
                }
                if (status != 401 && status != 403 && status != 404 && !rule.method().equals("GET")
                        && rule.template().startsWith("/api/holder/")) {
                    // an allowed change to holder A's quota; the next caller gets a fresh one
                    world = null;
                }
            }
        }
        assertThat(wrong).as("answers that differ from access-rules.md").isEmpty();
    }

    @Test
    void rowsStillToDo() {
        List<String> todo = rules().stream().flatMap(rule -> rule.expected().entrySet().stream()
                .filter(cell -> cell.getValue().equals("TODO")).map(cell -> rule.operation() + " by " + cell.getKey()))
                .toList();
        Assumptions.assumeTrue(todo.isEmpty(), () -> todo.size() + " cells of access-rules.md are TODO: " + todo);
    }

    /** Whether the call names holder A's quota, claim, subquota or tickets (building one costs an allocation). */
    private static boolean needsWorld(Rule rule) {
        return rule.ids().equals("world") && rule.template().contains("{") || rule.body().contains("{ticket");
    }

    private static boolean matches(String expected, int status) {
        return switch (expected) {
            case "2xx" -> status >= 200 && status < 300;
            case "open" -> status != 401 && status != 403 && status < 500;
            default -> Integer.parseInt(expected) == status;
        };
    }

    private World world(String holder, String subRecipient, String holderToken) {
        UUID quota = HeldQuotas.allocated(holder, 6, 50, true, false, json);
        List<UUID> tickets = data.tickets(quota).stream().map(t -> t.id).toList();
        UUID subquota = UUID.fromString(given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("recipientEmail", subRecipient, "recipientName", "Sub Recipient", "ticketIds",
                        List.of(tickets.get(5))))
                .post("/api/holder/quotas/{q}/subquotas", quota).then().statusCode(201).extract().path("quota.id"));
        UUID claim = UUID.fromString(given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(tickets.get(0)))).post("/api/holder/quotas/{q}/claims", quota)
                .then().statusCode(201).extract().path("id"));
        given().auth().oauth2(holderToken).contentType(ContentType.JSON).body(Map.of("attendees", List.of(Map.of(
                "ticketId", tickets.get(0), "name", "Ann", "email", "ann@friends.example"))))
                .put("/api/holder/quotas/{q}/claims/{c}/attendees", quota, claim).then().statusCode(200);
        return new World(quota, subquota, claim, tickets);
    }

    private static int send(Rule rule, String token, World world, String holder) {
        boolean known = rule.ids().equals("world") && world != null;
        String path = rule.template()
                .replace("{quotaId}", known ? world.quota().toString() : UUID.randomUUID().toString())
                .replace("{id}", known ? world.quota().toString() : UUID.randomUUID().toString())
                .replace("{claimId}", known ? world.claim().toString() : UUID.randomUUID().toString())
                .replace("{subquotaId}", known ? world.subquota().toString() : UUID.randomUUID().toString())
                .replace("{ticketId}", known ? world.tickets().get(0).toString() : UUID.randomUUID().toString())
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        if (!rule.body().isEmpty()) {
            String body = rule.body().replace("{holder}", holder)
                    .replace("{challenge}", AppSessions.Pkce.make().challenge());
            if (world != null) {
                for (int i = 0; i < 3; i++) {
                    body = body.replace("{ticket" + i + "}", world.tickets().get(i).toString());
                }
            }
            request = request.contentType(body.startsWith("{") ? "application/json" : "text/csv").body(body);
        }
        return request.urlEncodingEnabled(false)
                .request(rule.method(), rule.query().isEmpty() ? path : path + "?" + rule.query()).statusCode();
    }
}
