package com.stadium.quota.allocation.config;

import java.time.Duration;

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

    Postgres postgres();

    Kafka kafka();

    /** Keycloak's base address (realm {@code quota}). */
    Address keycloak();

    /** The generated stadium and three upcoming matches. */
    interface DemoData {

        /** Load them at start when the venue is absent. */
        boolean enabled();
    }

    interface Catalog {

        /** At most one match.announced per match per this interval (read by the announcer's schedule). */
        Duration announceEvery();
    }

    /** The service's PostgreSQL (used by quarkus.datasource.jdbc.url). */
    interface Postgres {

        String host();

        int port();
    }

    /** The Kafka brokers (kafka.bootstrap.servers). */
    interface Kafka {

        String bootstrap();
    }

    /** Another server's base address. */
    interface Address {

        String url();
    }
}
