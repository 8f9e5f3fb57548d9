package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final long SECOND = 1_000_000_000L;

    @Test
    void letsThePermitsThroughThenSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter();
        long start = 5 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("redeem 10.0.0.1", 3, MINUTE, start + i * SECOND)).isZero();
        }
        assertThat(limiter.take("redeem 10.0.0.1", 3, MINUTE, start + 20 * SECOND)).isEqualTo(40 * SECOND);
        // the window ends a minute after its first call: then the address starts afresh
        assertThat(limiter.take("redeem 10.0.0.1", 3, MINUTE, start + 60 * SECOND)).isZero();
    }

    @Test
    void countsEachAddressAndBucketApart() {
        RateLimiter limiter = new RateLimiter();
        assertThat(limiter.take("redeem 10.0.0.1", 1, MINUTE, 0)).isZero();
        assertThat(limiter.take("redeem 10.0.0.1", 1, MINUTE, 1)).isPositive();
        assertThat(limiter.take("redeem 10.0.0.2", 1, MINUTE, 2)).isZero();
        assertThat(limiter.take("import-upload 10.0.0.1", 1, MINUTE, 3)).isZero();
    }

    @Test
    void forgetsEndedWindowsWhenManyAddressesCame() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i <= RateLimiter.MAX_KEYS; i++) {
            limiter.take("redeem " + i, 1, MINUTE, 0);
        }
        limiter.take("redeem new", 1, MINUTE, 61 * SECOND);
        assertThat(limiter.keys()).isEqualTo(1);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpNeverZero() {
        assertThat(RateLimits.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(40 * SECOND)).isEqualTo(40);
        assertThat(RateLimits.retryAfterSeconds(40 * SECOND + 1)).isEqualTo(41);
    }
}
