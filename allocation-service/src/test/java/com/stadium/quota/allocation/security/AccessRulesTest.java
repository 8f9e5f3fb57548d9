package com.stadium.quota.allocation.security;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.stadium.quota.testing.AccessRules;
import com.stadium.quota.testing.AccessRulesCheck;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Authorization by construction: every operation of allocation-service's own OpenAPI document has a row in
 * src/test/resources/access-rules.md, every kind of caller gets that row's answer, and the allowed caller's malformed
 * bodies get no 5xx. In package {@code security} so it runs after the demo venue and matches are counted
 * (DemoVenueAndMatchesTest): it creates venues and matches.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends AccessRulesCheck {

    final Map<String, String> tokens = new HashMap<>();
    /** A demo match and sector to read, and a small venue of this test's own to create matches at. */
    final Map<String, String> world = new HashMap<>();

    @BeforeEach
    void world() {
        if (!tokens.isEmpty()) {
            return; // built once per class; RestAssured knows the test port only from the first test on
        }
        String holder = "rules-holder-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        tokens.put("holder", Tokens.holder(holder));
        tokens.put("manager", Tokens.of(Tokens.MANAGER));
        tokens.put("admin", Tokens.of(Tokens.ADMIN));
        tokens.put("app", Tokens.app(holder));
        tokens.put("service", Tokens.serviceAccount());
        tokens.put("gate", Tokens.of(Tokens.GATE));
        world.put("matchId", given().auth().oauth2(tokens.get("admin")).get("/api/matches").then().statusCode(200)
                .extract().jsonPath().getString("[0].id"));
        world.put("sector", "N3");
        world.put("requestId", UUID.randomUUID().toString());
        String venue = unique();
        given().auth().oauth2(tokens.get("admin")).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Rules ground","sectors":[{"code":"R1","category":"CAT1","seats":[
                 {"row":1,"number":1},{"row":1,"number":2}]}]}""".formatted(venue)).post("/api/venues").then()
                .statusCode(201);
        world.put("venueCode", venue);
        world.put("kickoff", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Override
    protected Set<String> callers() {
        return Set.of("anonymous", "holder", "manager", "admin", "app", "service", "gate");
    }

    @Override
    protected Map<String, String> bodyValues() {
        return world;
    }

    @Override
    protected Response send(AccessRules.Rule rule, String caller, String body) {
        Map<String, String> values = new HashMap<>(world);
        values.put("unique", unique()); // a venue or match code nobody has yet, so a create is a create
        return AccessRules.send(rule, AccessRules.as(tokens.get(caller)), values, body);
    }

    private static String unique() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
