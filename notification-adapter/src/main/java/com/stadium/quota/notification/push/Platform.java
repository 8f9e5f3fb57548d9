package com.stadium.quota.notification.push;

/** What kind of device receives the pushes; it decides which {@link PushProvider} delivers them. */
public enum Platform {
    /** The native app on an iPhone (a provider for APNs, when there is one). */
    IOS,
    /** The native app on an Android phone (a provider for FCM, when there is one). */
    ANDROID,
    /** A browser or the installed web app, through the browser's push service (Web Push). */
    WEB
}
