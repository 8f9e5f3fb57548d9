package com.stadium.quota.notification.message;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The adapter's one retry policy, for every mail and push it sends ({@code suite.delivery.*}). */
@Singleton
public class DeliveryRetries {

    @Produces
    @Singleton
    RetryPolicy retryPolicy(@ConfigProperty(name = "suite.delivery.max-attempts") int maxAttempts,
            @ConfigProperty(name = "suite.delivery.first-retry-delay") Duration firstRetryDelay) {
        return new RetryPolicy(maxAttempts, firstRetryDelay);
    }
}
