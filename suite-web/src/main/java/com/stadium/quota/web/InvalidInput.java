package com.stadium.quota.web;

import java.util.List;

/** Input that breaks the rules; answered with 400 and every violation found, not only the first. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;
    private final boolean conflict;

    public InvalidInput(List<Violation> violations) {
        this(violations, false);
    }

    private InvalidInput(List<Violation> violations, boolean conflict) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
        this.conflict = conflict;
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)));
    }

    /** Input that is well-formed but clashes with what exists (a code already taken): answered with 409. */
    public static InvalidInput conflict(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)), true);
    }

    /** Several clashes at once (lines of an upload that no longer fit what exists): answered with 409. */
    public static InvalidInput conflict(List<Violation> violations) {
        return new InvalidInput(violations, true);
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean isConflict() {
        return conflict;
    }
}
