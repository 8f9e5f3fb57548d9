package com.stadium.quota.notification.push;

/**
 * Delivers pushes to the mobile app through a push service (APNs, FCM, ...). Chosen by {@code suite.push.provider};
 * an implementation is an {@code @ApplicationScoped} bean with {@code @LookupIfProperty} on that property.
 */
public interface PushProvider {

    /** Sends one push or throws; a push is tried once (the mail is the message of record). */
    void send(PushMessage message);
}
