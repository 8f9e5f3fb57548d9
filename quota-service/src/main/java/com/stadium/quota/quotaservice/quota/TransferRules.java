package com.stadium.quota.quotaservice.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.stadium.quota.web.Violation;

/** Who may give a sold ticket to another attendee, until when, and to whom (issue 21). */
public final class TransferRules {

    private TransferRules() {
    }

    /** When re-assignment closes: {@code cutoff} before kick-off; never when the kick-off is unknown. */
    public static Instant deadline(Instant kickoff, Duration cutoff) {
        return kickoff == null ? null : kickoff.minus(cutoff);
    }

    /**
     * Whether a sold ticket of a quota may get another attendee now: the quota's tickets are transferable (a
     * subquota's flag is its parent's) and the deadline has not come.
     */
    public static boolean mayReassign(boolean transferable, Instant kickoff, Duration cutoff, Instant now) {
        Instant deadline = deadline(kickoff, cutoff);
        return transferable && (deadline == null || now.isBefore(deadline));
    }

    /**
     * The new attendee's name and email, every broken rule at once: a name (at most 200 characters), an email
     * address, and someone other than the ticket's attendee now (one person is one email, as for holders).
     */
    public static List<Violation> newAttendee(String name, String email, String currentEmail) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters", null, name));
        }
        String normal = QuotaRules.normalEmail(email);
        if (normal == null || !QuotaRules.isEmail(normal)) {
            violations.add(new Violation("email", "is not an email address", null, email));
        } else if (normal.equals(QuotaRules.normalEmail(currentEmail))) {
            violations.add(new Violation("email", "is the ticket's attendee already; give someone else", null,
                    email));
        }
        return violations;
    }
}
