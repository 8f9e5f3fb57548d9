package com.stadium.quota.notification.config;

import java.time.Duration;

import com.stadium.quota.messaging.config.Stack;
import com.stadium.quota.notification.email.ClubConfig;
import com.stadium.quota.notification.push.WebPushConfig;

import io.smallrye.config.ConfigMapping;

/**
 * notification-adapter's settings, every {@code suite.*} key (README, "Configuration"; a key this mapping does not
 * know stops the start). The values, with their profiles, are in application.properties (the one place of each
 * default); each is overridable by its environment variable, e.g. {@code SUITE_DELIVERY_MAX_ATTEMPTS=8}.
 * {@link ClubConfig} and {@link WebPushConfig} are its groups, injected on their own where only they are needed
 * ({@link ConfigGroups}).
 */
@ConfigMapping(prefix = "suite")
public interface NotificationConfig {

    ClubConfig club();

    Delivery delivery();

    Reminder reminder();

    Push push();

    /** The mail server (quarkus.mailer.host and port). */
    Smtp smtp();

    Stack.Postgres postgres();

    Stack.Kafka kafka();

    /** Keycloak's base address (realm {@code quota}). */
    Stack.Address keycloak();

    /** How mails and pushes are retried. */
    interface Delivery {

        /** Attempts before a message goes to the dead-letter topic. */
        int maxAttempts();

        /** The wait before the first retry; it doubles with each further one. */
        Duration firstRetryDelay();

        /** How often due retries are looked for (read by the schedules of mails and pushes). */
        Duration pollInterval();
    }

    interface Reminder {

        /** A holder with unclaimed tickets is reminded this long before the quota expires. */
        Duration leadTime();

        /** How often reminders are looked for (read by the schedule). */
        Duration pollInterval();
    }

    interface Smtp {

        String host();

        int port();
    }

    interface Push {

        /** The provider that serves the native apps' devices ({@code recording} until there is FCM or APNs). */
        String provider();

        WebPushConfig webPush();
    }
}
