package com.stadium.quota.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.config.PortalConfig;

class AppAddressesTest {

    record App(String quotaServiceUrl, String notificationAdapterUrl, String keycloakUrl, String realm,
            String clientId) implements PortalConfig.App {
    }

    private static App app(String quota, String notification, String keycloak) {
        return new App(quota, notification, keycloak, "quota", "quota-app");
    }

    @Test
    void thePageMayConnectToThePortalTheTwoServicesAndKeycloakOnly() {
        App app = app("https://api.club.example/base/", "https://push.club.example:8443",
                "https://sso.club.example/auth");
        assertThat(AppAddresses.contentSecurityPolicy(app))
                .contains("connect-src 'self' https://api.club.example https://push.club.example:8443 "
                        + "https://sso.club.example;")
                .contains("script-src 'self';").doesNotContain("unsafe");
        assertThat(AppAddresses.realmUrl(app)).isEqualTo("https://sso.club.example/auth/realms/quota");
        assertThat(AppAddresses.realmUrl(app("x", "x", "https://sso.club.example/auth/")))
                .isEqualTo("https://sso.club.example/auth/realms/quota");
        assertThat(AppAddresses.withoutSlash(app.quotaServiceUrl())).isEqualTo("https://api.club.example/base");
        assertThat(AppAddresses.withoutSlash("https://tickets.club.example/")).isEqualTo("https://tickets.club.example");
    }

    @Test
    void servicesBehindOneHostAreNamedOnce() {
        App app = app("https://club.example/quota", "https://club.example/push", "https://club.example");
        assertThat(AppAddresses.contentSecurityPolicy(app)).contains("connect-src 'self' https://club.example;");
    }
}
