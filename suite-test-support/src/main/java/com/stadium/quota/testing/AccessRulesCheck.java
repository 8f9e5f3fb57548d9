package com.stadium.quota.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The three checks of a service's access table, for its {@code AccessRulesTest} to extend: it says only how each
 * caller calls (its tokens or sessions and its world) and, where the operations are not those of /q/openapi, where
 * they come from.
 */
public abstract class AccessRulesCheck {

    /** The table this test checks, from {@code /access-rules.md} of the service's test resources. */
    protected final AccessRules rules = AccessRules.read("/access-rules.md");

    /** The kinds of caller the test can play; the table's columns must be exactly these. */
    protected abstract Set<String> callers();

    /** One call of a rule as a caller with the given body (the rule's own or a malformed one). */
    protected abstract Response send(AccessRules.Rule rule, String caller, String body);

    /** Values that a body needs filled to be JSON at all (an unquoted number placeholder). */
    protected Map<String, String> bodyValues() {
        return Map.of();
    }

    /** The browser security headers every answer must carry, each with parts of its value (issue 19). */
    protected Map<String, List<String>> securityHeaders() {
        return SecurityHeaders.BASELINE;
    }

    /** The operations the service has: its /q/openapi by default. */
    protected Set<String> operations() {
        return AccessRules.documentedOperations();
    }

    @Test
    void everyOperationHasARuleAndEveryCallerAColumn() {
        assertEquals(List.of(), rules.differencesFrom(operations()), "operations and rows of access-rules.md");
        assertEquals(new TreeSet<>(callers()), new TreeSet<>(rules.callers()), "the table's callers");
    }

    @Test
    void everyCallerGetsTheAnswerTheTableGivesWithTheSecurityHeaders() {
        List<String> withoutHeaders = new ArrayList<>();
        List<String> wrong = rules.wrongAnswers((rule, caller, body) -> {
            Response answer = send(rule, caller, body);
            // a call that timed out has no answer, so no headers to check
            if (!answer.getHeaders().asList().isEmpty()) {
                withoutHeaders.addAll(SecurityHeaders.missing(rule.method() + " " + rule.template() + " as "
                        + caller + " (" + answer.getStatusCode() + ")", answer, securityHeaders()));
            }
            return answer;
        });
        assertEquals(List.of(), wrong, "answers that differ from access-rules.md");
        assertEquals(List.of(), withoutHeaders, "answers without the browser security headers");
    }

    @Test
    void errorsHealthAndApiDocsCarryTheSecurityHeadersToo() {
        List<String> missing = new ArrayList<>();
        for (String path : List.of("/no/such/page", "/q/health/ready", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Response answer = RestAssured.given().redirects().follow(false).get(path);
            missing.addAll(SecurityHeaders.missing("GET " + path + " (" + answer.getStatusCode() + ")", answer,
                    securityHeaders()));
        }
        assertEquals(List.of(), missing, "answers without the browser security headers");
    }

    @Test
    void malformedBodiesAreRefusedNamingTheFieldNeverWithA5xx() {
        assertEquals(List.of(), rules.malformedAnswers(this::send, bodyValues()), "answers to malformed bodies");
    }

    @Test
    void cellsStillToDo() {
        List<String> todo = rules.todo();
        assumeTrue(todo.isEmpty(), () -> todo.size() + " cells of access-rules.md are TODO: " + todo);
    }
}
