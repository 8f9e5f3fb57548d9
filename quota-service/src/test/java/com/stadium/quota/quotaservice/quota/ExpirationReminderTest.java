package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ExpirationReminderTest {

    private final LocalDate today = LocalDate.parse("2026-11-25");

    @Test
    void farAwayOrNoDateIsNoReminder() {
        assertThat(ExpirationReminder.of(today.plusDays(4), today, 3)).isEqualTo(
                new ExpirationReminder(ExpirationReminder.State.NONE, 4L));
        assertThat(ExpirationReminder.of(null, today, 3).state()).isEqualTo(ExpirationReminder.State.NONE);
    }

    @Test
    void theLastDaysUpToTheDateItselfAreExpiringSoon() {
        assertThat(ExpirationReminder.of(today.plusDays(3), today, 3).state())
                .isEqualTo(ExpirationReminder.State.EXPIRING_SOON);
        assertThat(ExpirationReminder.of(today, today, 3)).isEqualTo(
                new ExpirationReminder(ExpirationReminder.State.EXPIRING_SOON, 0L));
    }

    @Test
    void theDayAfterItIsExpired() {
        assertThat(ExpirationReminder.of(today.minusDays(1), today, 3)).isEqualTo(
                new ExpirationReminder(ExpirationReminder.State.EXPIRED, -1L));
    }
}
