package com.stadium.quota.allocation.config;

import io.smallrye.config.ConfigMapping;

/**
 * allocation-service's own settings ({@code suite.*}; README, "Configuration"). Values are in application.properties,
 * each overridable by its environment variable ({@code SUITE_DEMO_DATA_ENABLED}). Keys read only by annotations
 * ({@code suite.catalog.announce-every}) and the stack's addresses ({@code suite.postgres.*}, {@code suite.kafka.*},
 * {@code suite.keycloak.url}) are used in application.properties itself.
 */
@ConfigMapping(prefix = "suite")
public interface AllocationConfig {

    DemoData demoData();

    /** The generated stadium and three upcoming matches. */
    interface DemoData {

        /** Load them at start when the venue is absent. */
        boolean enabled();
    }
}
