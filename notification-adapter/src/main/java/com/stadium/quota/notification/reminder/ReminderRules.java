package com.stadium.quota.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a quota's holder is reminded that unclaimed tickets expire: {@code leadTime} before the expiration. */
public record ReminderRules(Duration leadTime) {

    public ReminderRules {
        if (leadTime.isNegative() || leadTime.isZero()) {
            throw new IllegalArgumentException("leadTime must be positive");
        }
    }

    /** When to remind, or empty when the invitation itself arrives inside the lead time (it names the date already). */
    public Optional<Instant> dueAt(Instant invitedAt, Instant expiresAt) {
        Instant due = expiresAt.minus(leadTime);
        return due.isAfter(invitedAt) ? Optional.of(due) : Optional.empty();
    }

    /** A reminder is only worth sending while tickets are unclaimed and the quota has not expired yet. */
    public boolean worthSending(Instant now, Instant expiresAt, int unclaimedTickets) {
        return unclaimedTickets > 0 && now.isBefore(expiresAt);
    }
}
