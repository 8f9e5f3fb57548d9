package com.stadium.quota.notification.message;

/** PENDING until sent; FAILED when it cannot be sent (no template, or every retry failed). */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED
}
