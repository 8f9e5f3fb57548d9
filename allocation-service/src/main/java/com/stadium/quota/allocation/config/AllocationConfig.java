package com.stadium.quota.allocation.config;

import java.time.Duration;

import com.stadium.quota.messaging.config.Stack;

import io.smallrye.config.ConfigMapping;

/**
 * allocation-service's settings, every {@code suite.*} key (README, "Configuration"; a key this mapping does not
 * know stops the start). The values, with their profiles, are in application.properties (the one place of each
 * default); each is overridable by its environment variable, e.g. {@code SUITE_DEMO_DATA_ENABLED=false}.
 */
@ConfigMapping(prefix = "suite")
public interface AllocationConfig {

    DemoData demoData();

    Catalog catalog();

    WarmUp warmUp();

    Stack.Postgres postgres();

    Stack.Kafka kafka();

    /** Keycloak's base address (realm {@code quota}). */
    Stack.Address keycloak();

    /** The generated stadium and three upcoming matches. */
    interface DemoData {

        /** Load them at start when the venue is absent. */
        boolean enabled();
    }

    /** The allocation path run in memory at start, before the instance says it is ready. */
    interface WarmUp {

        /** Requests answered in memory (0: none). */
        int requests();

        /** The warm-up stops after this long even if fewer requests were answered. */
        Duration maxTime();
    }

    interface Catalog {

        /** At most one match.announced per match per this interval (read by the announcer's schedule). */
        Duration announceEvery();
    }
}
