package com.stadium.quota.messaging.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relays events, and when its backlog makes the service not ready. */
@ConfigMapping(prefix = "suite.outbox")
public interface OutboxConfig {

    /** Events sent per relay transaction (SUITE_OUTBOX_BATCH_SIZE). */
    @WithDefault("100")
    int batchSize();

    /** How long a batch may wait for Kafka's acknowledgement before it is rolled back and tried again. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How often the relay looks for events left behind by an outage (besides the wake-up after each commit). */
    @WithDefault("2s")
    String pollInterval();

    /** Readiness is DOWN while the oldest unsent event is older than this (SUITE_OUTBOX_MAX_AGE). */
    @WithDefault("PT2M")
    Duration maxAge();
}
