package com.stadium.quota.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReminderRulesTest {

    private final ReminderRules rules = new ReminderRules(Duration.ofDays(3));
    private final Instant invited = Instant.parse("2026-11-01T10:00:00Z");
    private final Instant expires = Instant.parse("2026-11-20T23:00:00Z");

    @Test
    void remindsTheLeadTimeBeforeTheExpiration() {
        assertThat(rules.dueAt(invited, expires)).contains(Instant.parse("2026-11-17T23:00:00Z"));
    }

    @Test
    void noReminderForAnInvitationThatArrivesInsideTheLeadTime() {
        assertThat(rules.dueAt(Instant.parse("2026-11-18T10:00:00Z"), expires)).isEmpty();
        assertThat(rules.dueAt(Instant.parse("2026-11-17T23:00:00Z"), expires)).isEmpty();
    }

    @Test
    void remindsOnlyOfUnclaimedTicketsBeforeTheyExpire() {
        Instant due = Instant.parse("2026-11-17T23:00:00Z");
        assertThat(rules.worthSending(due, expires, 2)).isTrue();
        assertThat(rules.worthSending(due, expires, 0)).isFalse();
        assertThat(rules.worthSending(expires, expires, 2)).isFalse();
    }

    @Test
    void refusesANonPositiveLeadTime() {
        assertThatThrownBy(() -> new ReminderRules(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
