package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The limits as a service configures them: a bucket without {@code permits-for} (production) and with one. */
class RateLimitsConfigTest {

    private static RateLimits.Config read(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        // Quarkus reads the default "1M"; plain SmallRye Config only ISO-8601
        all.put("suite.rate-limits.redeem.period", "PT1M");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RateLimits.Config.class)
                .withSources(new PropertiesConfigSource(all, "test", 100)).build();
        return config.getConfigMapping(RateLimits.Config.class);
    }

    @Test
    void aBucketWithoutLimitsForSingleAddressesHasNone() {
        RateLimits.Config.Bucket redeem = read(Map.of("suite.rate-limits.redeem.permits", "30")).buckets()
                .get("redeem");
        assertThat(redeem.permits()).isEqualTo(30);
        assertThat(redeem.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(redeem.permitsFor()).isEmpty();
    }

    @Test
    void anAddressGetsItsOwnLimitByItsQuotedKey() {
        RateLimits.Config.Bucket redeem = read(Map.of("suite.rate-limits.redeem.permits", "30",
                "suite.rate-limits.redeem.permits-for.\"127.0.0.2\"", "3")).buckets().get("redeem");
        assertThat(redeem.permitsFor()).containsExactly(Map.entry("127.0.0.2", 3));
    }
}
