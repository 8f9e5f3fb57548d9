package com.stadium.quota.notification.push;

/**
 * Delivers pushes through one push service (Web Push, FCM, APNs, ...). An implementation is an
 * {@code @ApplicationScoped} bean with an {@code @Identifier}; {@link PushProviders} says which one serves which
 * {@link Platform}.
 */
public interface PushProvider {

    /** What the push service answered to a push it took or refused for good. */
    enum Outcome {
        /** Accepted for delivery. */
        DELIVERED,
        /** The device's subscription has ended (uninstalled, unsubscribed, expired): forget the device. */
        GONE
    }

    /**
     * Sends one push. Throws on any other failure (network, timeout, the service's error): the push is tried again
     * by the adapter's retry policy.
     */
    Outcome send(PushMessage message);
}
