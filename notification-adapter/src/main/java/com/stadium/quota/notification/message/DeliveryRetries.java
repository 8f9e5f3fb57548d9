package com.stadium.quota.notification.message;



import com.stadium.quota.notification.config.NotificationConfig;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The adapter's one retry policy, for every mail and push it sends ({@code suite.delivery.*}). */
@Singleton
public class DeliveryRetries {

    @Produces
    @Singleton
    RetryPolicy retryPolicy(NotificationConfig config) {
        return new RetryPolicy(config.delivery().maxAttempts(), config.delivery().firstRetryDelay());
    }
}
