package com.stadium.quota.portal.app;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.stadium.quota.portal.config.PortalConfig;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Where the app, running in the holder's browser, reaches the services; each address is the public one. */
@ApplicationScoped
public class AppSettings {

    @Inject
    PortalConfig config;

    String clubName;

    String timeZone;

    String portalUrl;

    String quotaServiceUrl;

    String notificationAdapterUrl;

    String keycloakUrl;

    String realm;

    String clientId;

    @PostConstruct
    void read() {
        clubName = config.club().name();
        timeZone = config.club().timeZone().getId();
        portalUrl = config.portal().url();
        quotaServiceUrl = config.app().quotaServiceUrl();
        notificationAdapterUrl = config.app().notificationAdapterUrl();
        keycloakUrl = config.app().keycloakUrl();
        realm = config.app().realm();
        clientId = config.app().clientId();
    }

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

    /**
     * Scripts and styles from the portal only; the app talks to the portal, the two services and Keycloak. Stricter
     * than the pages' policy it replaces on the app's shell (no style attributes, forms to the portal only).
     */
    String contentSecurityPolicy() {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(quotaServiceUrl));
        connect.add(origin(notificationAdapterUrl));
        connect.add(origin(keycloakUrl));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect) + "; worker-src 'self'; manifest-src 'self'; object-src 'none';"
                + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
