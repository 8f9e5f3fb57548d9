package com.stadium.quota.web;

import java.util.List;

/** Input that breaks the rules; answered with 400 and every violation found, not only the first. */
public class InvalidInput extends RuntimeException {

    /**
     * What kind of refusal: wrong input (400), not allowed for this caller (403), names nothing the caller may use
     * (404), clashes with what exists (409).
     */
    public enum Kind {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT
    }

    private final List<Violation> violations;
    private final Kind kind;
    private final Object current;

    public InvalidInput(List<Violation> violations) {
        this(violations, Kind.INVALID, null);
    }

    private InvalidInput(List<Violation> violations, Kind kind, Object current) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
        this.kind = kind;
        this.current = current;
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)));
    }

    /** Input that is well-formed but clashes with what exists (a code already taken): answered with 409. */
    public static InvalidInput conflict(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)), Kind.CONFLICT, null);
    }

    /** Input that names nothing the caller may use (a deeplink that is not valid any more): answered with 404. */
    public static InvalidInput notFound(String field, String message) {
        return new InvalidInput(List.of(Violation.of(field, message)), Kind.NOT_FOUND, null);
    }

    /** Several clashes at once (lines of an upload that no longer fit what exists): answered with 409. */
    public static InvalidInput conflict(List<Violation> violations) {
        return new InvalidInput(violations, Kind.CONFLICT, null);
    }

    /** A request this caller may not make, though they may see the thing: answered with 403. */
    public static InvalidInput forbidden(List<Violation> violations) {
        return new InvalidInput(violations, Kind.FORBIDDEN, null);
    }

    /** The same refusal carrying the state it clashed with, so the client can refresh without asking again. */
    public InvalidInput withCurrent(Object state) {
        return new InvalidInput(violations, kind, state);
    }

    public List<Violation> violations() {
        return violations;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isConflict() {
        return kind == Kind.CONFLICT;
    }

    /** The state the request clashed with, or null. */
    public Object current() {
        return current;
    }
}
