package com.stadium.quota.notification;

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
 * Authorization by construction: every operation of notification-adapter's own OpenAPI document has a row in
 * src/test/resources/access-rules.md, every kind of caller gets that row's answer, and the allowed caller's malformed
 * bodies get no 5xx.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends AccessRulesCheck {

    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> world = new HashMap<>();

    @BeforeEach
    void signIn() {
        if (!tokens.isEmpty()) {
            return; // built once per class
        }
        String holder = "rules-holder-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        tokens.put("holder", Tokens.holder(holder));
        tokens.put("other", Tokens.holder("rules-other-" + UUID.randomUUID().toString().substring(0, 8)
                + "@sponsor.example"));
        tokens.put("manager", Tokens.of(Tokens.MANAGER));
        tokens.put("admin", Tokens.of(Tokens.ADMIN));
        tokens.put("app", Tokens.app(holder));
        tokens.put("service", Tokens.serviceAccount());
        tokens.put("gate", Tokens.of(Tokens.GATE));
        world.put("token", "rules-phone-" + UUID.randomUUID());
    }

    @Override
    protected Set<String> callers() {
        return Set.of("anonymous", "holder", "other", "manager", "admin", "app", "service", "gate");
    }

    @Override
    protected Response send(AccessRules.Rule rule, String caller, String body) {
        if (rule.method().equals("DELETE")) {
            // the previous caller may have unregistered holder A's phone
            AccessRules.as(tokens.get("holder")).contentType(ContentType.JSON)
                    .body(Map.of("token", world.get("token"), "platform", "ANDROID")).post("/api/devices").then()
                    .statusCode(200);
        }
        Map<String, String> values = new HashMap<>(world);
        values.put("unique", "rules-" + UUID.randomUUID());
        return AccessRules.send(rule, AccessRules.as(tokens.get(caller)), values, body);
    }
}
