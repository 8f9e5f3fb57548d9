package com.stadium.quota.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(5));

    @Test
    void delayDoublesAfterEachFailure() {
        assertThat(policy.nextAttempt(1, now)).contains(now.plusSeconds(5));
        assertThat(policy.nextAttempt(2, now)).contains(now.plusSeconds(10));
        assertThat(policy.nextAttempt(3, now)).contains(now.plusSeconds(20));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextAttempt(4, now)).isEmpty();
        assertThat(policy.nextAttempt(9, now)).isEmpty();
    }

    @Test
    void refusesAPolicyWithoutAttempts() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
