package com.stadium.quota.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppSettingsTest {

    private static AppSettings settings(String quota, String notification, String keycloak) {
        AppSettings settings = new AppSettings();
        settings.portalUrl = "https://tickets.club.example/";
        settings.quotaServiceUrl = quota;
        settings.notificationAdapterUrl = notification;
        settings.keycloakUrl = keycloak;
        settings.realm = "quota";
        return settings;
    }

    @Test
    void thePageMayConnectToThePortalTheTwoServicesAndKeycloakOnly() {
        AppSettings settings = settings("https://api.club.example/base/", "https://push.club.example:8443",
                "https://sso.club.example/auth");
        assertThat(settings.contentSecurityPolicy())
                .contains("connect-src 'self' https://api.club.example https://push.club.example:8443 "
                        + "https://sso.club.example;")
                .contains("script-src 'self';").doesNotContain("unsafe");
        assertThat(settings.realmUrl()).isEqualTo("https://sso.club.example/auth/realms/quota");
        assertThat(settings.quotaServiceUrl()).isEqualTo("https://api.club.example/base");
        assertThat(settings.portalUrl()).isEqualTo("https://tickets.club.example");
    }

    @Test
    void servicesBehindOneHostAreNamedOnce() {
        AppSettings settings = settings("https://club.example/quota", "https://club.example/push",
                "https://club.example");
        assertThat(settings.contentSecurityPolicy()).contains("connect-src 'self' https://club.example;");
    }
}
