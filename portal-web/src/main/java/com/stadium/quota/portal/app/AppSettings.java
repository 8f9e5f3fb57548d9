package com.stadium.quota.portal.app;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the app, running in the holder's browser, reaches the services; each address is the public one. */
@ApplicationScoped
public class AppSettings {

    @ConfigProperty(name = "suite.club.name")
    String clubName;

    @ConfigProperty(name = "suite.club.time-zone")
    String timeZone;

    @ConfigProperty(name = "suite.portal.url")
    String portalUrl;

    @ConfigProperty(name = "suite.app.quota-service-url")
    String quotaServiceUrl;

    @ConfigProperty(name = "suite.app.notification-adapter-url")
    String notificationAdapterUrl;

    @ConfigProperty(name = "suite.app.keycloak-url")
    String keycloakUrl;

    @ConfigProperty(name = "suite.app.realm", defaultValue = "quota")
    String realm;

    @ConfigProperty(name = "suite.app.client-id", defaultValue = "quota-app")
    String clientId;

    String clubName() {
        return clubName;
    }

    String timeZone() {
        return timeZone;
    }

    String portalUrl() {
        return trim(portalUrl);
    }

    String quotaServiceUrl() {
        return trim(quotaServiceUrl);
    }

    String notificationAdapterUrl() {
        return trim(notificationAdapterUrl);
    }

    String realmUrl() {
        return trim(keycloakUrl) + "/realms/" + realm;
    }

    String clientId() {
        return clientId;
    }

    /** Scripts and styles from the portal only; the app talks to the portal, the two services and Keycloak. */
    String contentSecurityPolicy() {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(quotaServiceUrl));
        connect.add(origin(notificationAdapterUrl));
        connect.add(origin(keycloakUrl));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect) + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
