package com.stadium.quota.web;

import java.util.List;

/** Input that breaks the rules; answered with 400 and every violation found, not only the first. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;
    private final int status;

    public InvalidInput(List<Violation> violations) {
        this(violations, 400);
    }

    private InvalidInput(List<Violation> violations, int status) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
        this.status = status;
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)));
    }

    /** Input that is well-formed but clashes with what exists (a code already taken): answered with 409. */
    public static InvalidInput conflict(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)), 409);
    }

    /** Input that names nothing the caller may use (a deeplink that is not valid any more): answered with 404. */
    public static InvalidInput notFound(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)), 404);
    }

    /** Several clashes at once (lines of an upload that no longer fit what exists): answered with 409. */
    public static InvalidInput conflict(List<Violation> violations) {
        return new InvalidInput(violations, 409);
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean isConflict() {
        return status == 409;
    }

    /** The HTTP status this refusal is answered with: 400, 404 or 409. */
    public int status() {
        return status;
    }
}
