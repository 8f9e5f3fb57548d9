package com.stadium.quota.quotaservice.quota;

import java.util.List;

import com.stadium.quota.web.Violation;

/**
 * A transition the quota refuses, with every broken rule by field. {@link Kind} says whether the input was wrong, the
 * state was in the way (another change came first), or the caller may not do it; the edges turn it into 400, 409 or
 * 403.
 */
public class QuotaRefusal extends RuntimeException {

    /** Why the quota said no. */
    public enum Kind {
        /** The input breaks a rule. */
        INVALID,
        /** The quota's or a claim's state is in the way. */
        CONFLICT,
        /** The caller may not do this. */
        FORBIDDEN
    }

    private final Kind kind;
    private final transient List<Violation> violations;

    public QuotaRefusal(Kind kind, List<Violation> violations) {
        super(violations.isEmpty() ? kind.name() : violations.get(0).field() + " " + violations.get(0).message(),
                null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    static QuotaRefusal conflict(String field, String message, String value) {
        return new QuotaRefusal(Kind.CONFLICT, List.of(new Violation(field, message, null, value)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
