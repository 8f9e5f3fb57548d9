package com.stadium.quota.portal.web;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.WebApplicationException;

/**
 * A service's refusal as the suite writes it (suite-web's Problem): the status, each field with its reason, and for a
 * conflict the state as it is now, so a page can say what happened and show the fresh state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Refusal(int status, List<Violation> violations, JsonNode current) {

    /** A field's reason; uploads also name the file's line and the value refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Violation(String field, String message, Integer line, String value) {
    }

    public boolean isConflict() {
        return status == 409;
    }

    /** The reason given for a field, if the service named it. */
    public Optional<String> reasonFor(String field) {
        return violations.stream().filter(v -> field.equals(v.field())).map(Violation::message).findFirst();
    }

    /** Every reason, for a notice at the top of a form. */
    public List<String> reasons() {
        return violations.stream().map(v -> v.field() == null ? v.message() : v.field() + ": " + v.message()).toList();
    }

    /**
     * The refusal a page answers itself (a form's 400, a masquerade's 403, a conflict's 409, as the page lists them);
     * any other failure goes on to the error pages.
     */
    public static Refusal expected(WebApplicationException e, ObjectMapper json, int... statuses) {
        int status = e.getResponse().getStatus();
        for (int expected : statuses) {
            if (expected == status) {
                return of(e, json);
            }
        }
        throw e;
    }

    /** Reads a refusal from a service's answer; an answer without the suite's body still gives its status. */
    public static Refusal of(WebApplicationException e, ObjectMapper json) {
        int status = e.getResponse().getStatus();
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode tree = json.readTree(body == null ? "{}" : body);
            List<Violation> violations = tree.has("violations")
                    ? List.of(json.treeToValue(tree.get("violations"), Violation[].class))
                    : List.of();
            return new Refusal(status, violations, tree.get("current"));
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return new Refusal(status, List.of(), null);
        }
    }
}
