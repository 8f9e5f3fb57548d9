package com.stadium.quota.notification.message;

import java.time.Instant;
import java.util.UUID;

import com.stadium.quota.messaging.contract.NotificationRequested;

/** A request was stored for the first time (a CDI event, observed inside the storing transaction). */
public record NotificationReceived(UUID notificationId, NotificationRequested request, Instant receivedAt) {
}
