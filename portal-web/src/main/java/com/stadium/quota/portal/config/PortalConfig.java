package com.stadium.quota.portal.config;

import com.stadium.quota.portal.importing.ProgressStream;
import com.stadium.quota.portal.live.LiveConfig;
import com.stadium.quota.portal.web.Club;

import io.smallrye.config.ConfigMapping;

/**
 * portal-web's settings, every {@code suite.*} key (README, "Configuration"; a key this mapping does not know stops
 * the start). The values, with their profiles, are in application.properties (the one place of each default); each
 * is overridable by its environment variable, e.g. {@code SUITE_PORTAL_URL=https://tickets.club.example}.
 * {@link Club} and {@link ProgressStream} are its groups, injected on their own where only they are needed
 * ({@link ConfigGroups}); the services' addresses feed the REST clients' URLs in application.properties.
 */
@ConfigMapping(prefix = "suite")
public interface PortalConfig {

    Club club();

    Portal portal();

    /** Keycloak's public address (holders are sent to its pages). */
    Address keycloak();

    Address quotaService();

    Address allocationService();

    Address notificationAdapter();

    /** Kafka, where each instance reads quota-events for its open pages (kafka.bootstrap.servers takes it). */
    Kafka kafka();

    /** The mobile app (/app), which runs in the holder's browser: the addresses browsers reach the services at. */
    App app();

    interface Portal {

        /** The portal's public address: where Keycloak sends holders back, and links start. */
        String url();

        /** Signs a masquerading admin's hand-over; every portal instance must have the same (production: env). */
        String handOverSecret();

        /** The Content-Security-Policy of every answer (sent by quarkus.http.filter.pages; SUITE_PORTAL_CSP). */
        String csp();

        ProgressStream importProgress();

        LiveConfig live();
    }

    interface Kafka {

        String bootstrap();
    }

    interface App {

        String quotaServiceUrl();

        String notificationAdapterUrl();

        /** Keycloak's base address (the realm's issuer is this + /realms/ + realm). */
        String keycloakUrl();

        String realm();

        /** The app's public Keycloak client (PKCE). */
        String clientId();
    }

    /** Another server's base address. */
    interface Address {

        String url();
    }
}
