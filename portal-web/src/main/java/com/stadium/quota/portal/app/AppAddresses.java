package com.stadium.quota.portal.app;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import com.stadium.quota.portal.config.PortalConfig;

/** Where the app, running in the holder's browser, reaches the services (PortalConfig's public addresses). */
final class AppAddresses {

    private AppAddresses() {
    }

    /** The realm's address, the issuer of the app's tokens. */
    static String realmUrl(PortalConfig.App app) {
        return withoutSlash(app.keycloakUrl()) + "/realms/" + app.realm();
    }

    /**
     * Scripts and styles from the portal only; the app talks to the portal, the two services and Keycloak. Stricter
     * than the pages' policy it replaces on the app's shell (no style attributes, forms to the portal only).
     */
    static String contentSecurityPolicy(PortalConfig.App app) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(app.quotaServiceUrl()));
        connect.add(origin(app.notificationAdapterUrl()));
        connect.add(origin(app.keycloakUrl()));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src "
                + String.join(" ", connect) + "; worker-src 'self'; manifest-src 'self'; object-src 'none';"
                + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The app appends paths to these addresses: one given with a trailing slash would give "//". */
    static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
