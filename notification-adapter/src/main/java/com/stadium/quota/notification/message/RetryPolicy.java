package com.stadium.quota.notification.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed message again: the delay doubles after each failure, and after {@code maxAttempts}
 * the message is given up.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("firstDelay must not be negative");
        }
    }

    /** The next attempt after {@code failedAttempts} failures, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(failedAttempts - 1, 20);
        return Optional.of(now.plus(firstDelay.multipliedBy(factor)));
    }
}
