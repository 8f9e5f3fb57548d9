package com.stadium.quota.quotaservice.quota;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the portals show of a quota's expiration date: a reminder only, it never changes a status.
 *
 * @param daysLeft days until the expiration date (negative once it passed), null without a date
 */
public record ExpirationReminder(State state, Long daysLeft) {

    public enum State {
        NONE, EXPIRING_SOON, EXPIRED
    }

    /** Expiring soon from {@code soonDays} days before the date, including the date itself; expired after it. */
    public static ExpirationReminder of(LocalDate expiresOn, LocalDate today, int soonDays) {
        if (expiresOn == null) {
            return new ExpirationReminder(State.NONE, null);
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        State state = days < 0 ? State.EXPIRED : days <= soonDays ? State.EXPIRING_SOON : State.NONE;
        return new ExpirationReminder(state, days);
    }
}
