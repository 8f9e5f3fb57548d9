package com.stadium.quota.testing;

/**
 * Where the test stack (infra/stack.sh --profile test) listens. The defaults are those of
 * infra/profiles/test.env; the same SUITE_* environment variables override both.
 */
public final class TestStack {

    private TestStack() {
    }

    public static String keycloakUrl() {
        return "http://127.0.0.1:" + port("SUITE_KEYCLOAK_PORT", 28180);
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + port("SUITE_KAFKA_PORT", 29092);
    }

    public static String mailApiUrl() {
        return "http://127.0.0.1:" + port("SUITE_MAIL_API_PORT", 28025);
    }

    public static int smtpPort() {
        return port("SUITE_SMTP_PORT", 23025);
    }

    public static int postgresPort() {
        return port("SUITE_POSTGRES_PORT", 25432);
    }

    public static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
