package com.stadium.quota.testing;

/**
 * Where the test stack (infra/stack.sh --profile test) listens: the fixed ports of infra/profiles/test.env,
 * which the %test profile of every service uses too.
 */
public final class TestStack {

    public static final int KEYCLOAK_PORT = 28180;
    public static final int KAFKA_PORT = 29092;
    public static final int MAIL_API_PORT = 28025;
    public static final int SMTP_PORT = 23025;
    /** Where the system tests run the packaged services. */
    public static final int PORTAL_PORT = 28080;
    public static final int QUOTA_PORT = 28081;
    public static final int ALLOCATION_PORT = 28082;
    public static final int NOTIFICATION_PORT = 28083;

    private TestStack() {
    }

    public static String keycloakUrl() {
        return "http://127.0.0.1:" + KEYCLOAK_PORT;
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    public static String mailApiUrl() {
        return "http://127.0.0.1:" + MAIL_API_PORT;
    }
}
