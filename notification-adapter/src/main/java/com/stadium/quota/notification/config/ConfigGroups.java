package com.stadium.quota.notification.config;

import com.stadium.quota.notification.email.ClubConfig;
import com.stadium.quota.notification.push.WebPushConfig;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The groups of {@link NotificationConfig} that beans inject on their own. */
@Singleton
public class ConfigGroups {

    @Produces
    @Singleton
    ClubConfig club(NotificationConfig config) {
        return config.club();
    }

    @Produces
    @Singleton
    WebPushConfig webPush(NotificationConfig config) {
        return config.push().webPush();
    }
}
