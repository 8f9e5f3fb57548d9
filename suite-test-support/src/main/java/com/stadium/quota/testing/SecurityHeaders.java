package com.stadium.quota.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/**
 * The browser security headers every answer of the suite carries (issue 19), each with the parts its value must
 * contain: what {@link AccessRulesCheck} asserts on every route it walks.
 */
public final class SecurityHeaders {

    /** Header name to parts of its value. */
    public static final Map<String, List<String>> BASELINE = Map.of(
            "Content-Security-Policy", List.of("frame-ancestors 'none'", "base-uri 'none'"),
            "X-Content-Type-Options", List.of("nosniff"),
            "Referrer-Policy", List.of("no-referrer"),
            "X-Frame-Options", List.of("DENY"),
            "Permissions-Policy", List.of("camera=()", "microphone=()"));

    private SecurityHeaders() {
    }

    /** What {@code answer} lacks of {@code expected}, each named with {@code what} (empty: all there). */
    public static List<String> missing(String what, Response answer, Map<String, List<String>> expected) {
        List<String> missing = new ArrayList<>();
        expected.forEach((name, parts) -> {
            String value = answer.getHeader(name);
            if (value == null || !parts.stream().allMatch(value::contains)) {
                missing.add(what + ": " + name + " is " + (value == null ? "missing" : "'" + value + "'"));
            }
        });
        return missing;
    }
}
