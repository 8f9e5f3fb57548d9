package com.stadium.quota.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

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
    void everyCallerGetsTheAnswerTheTableGives() {
        assertEquals(List.of(), rules.wrongAnswers(this::send), "answers that differ from access-rules.md");
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
