package com.stadium.quota.quotaservice.subquota;

import java.util.ArrayList;
import java.util.List;

import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.web.Violation;

/** Who may pass tickets on, to whom, how many (DESIGN.md, "Decisions on the spec's open points"). */
public final class SubquotaRules {

    private SubquotaRules() {
    }

    /** The parent quota as the rules see it. */
    public record Parent(String holderEmail, boolean mayDelegate, boolean isSubquota, boolean transferable,
            int allocatedTickets) {
    }

    /** What the subquota gets: the parent's transferable flag, never the right to delegate again. */
    public record Rights(boolean transferable, boolean mayDelegate) {
    }

    public static List<Violation> check(Parent parent, String recipientEmail, String recipientName, int tickets) {
        List<Violation> violations = new ArrayList<>();
        if (parent.isSubquota()) {
            violations.add(Violation.of("quota", "tickets received from someone else cannot be passed on again"));
        } else if (!parent.mayDelegate()) {
            violations.add(Violation.of("quota", "this quota does not allow passing tickets on"));
        }
        String email = QuotaRules.normalEmail(recipientEmail);
        if (email == null || !QuotaRules.isEmail(email)) {
            violations.add(new Violation("recipientEmail", "is not an email address", null, recipientEmail));
        } else if (email.equals(QuotaRules.normalEmail(parent.holderEmail()))) {
            violations.add(new Violation("recipientEmail", "these tickets are yours already: claim them directly",
                    null, recipientEmail));
        }
        if (recipientName == null || recipientName.isBlank() || recipientName.length() > 200) {
            violations.add(Violation.of("recipientName", "is required, at most 200 characters"));
        }
        if (tickets < 1) {
            violations.add(new Violation("tickets", "pass on at least one ticket", null, Integer.toString(tickets)));
        } else if (tickets > parent.allocatedTickets()) {
            violations.add(new Violation("tickets", "only " + parent.allocatedTickets()
                    + " tickets are unclaimed and free to pass on", null, Integer.toString(tickets)));
        }
        return violations;
    }

    public static Rights rightsOf(Parent parent) {
        return new Rights(parent.transferable(), false);
    }
}
