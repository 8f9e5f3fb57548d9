package com.stadium.quota.messaging.contract;

import java.util.UUID;

/**
 * notification-adapter gave up on a message (every attempt failed, or it can never be sent). Published to
 * {@link Topics#NOTIFICATION_REQUESTS_DLQ} with the original request, so an operator can see and replay it.
 * Version 2: the request is a version 2 {@link NotificationRequested} (a v1 request is converted when received).
 *
 * <pre>
 * {"notificationId":"0b8c6c5e-…","request":{"recipientEmail":"vip@…","notice":{"kind":"QUOTA_INVITATION",…},…},
 *  "attempts":6,
 *  "reason":"Connection refused: 127.0.0.1/127.0.0.1:23025"}
 * </pre>
 *
 * @param notificationId the id of the request event (and of the notification in the adapter's API)
 * @param request the request as it was received
 * @param attempts how many times sending was tried
 * @param reason the last error
 */
@EventType(name = NotificationFailed.TYPE, version = NotificationFailed.VERSION, topic = Topics.NOTIFICATION_REQUESTS_DLQ)
public record NotificationFailed(UUID notificationId, NotificationRequested request, int attempts, String reason)
        implements SuiteEvent {

    public static final String TYPE = "notification.failed";
    public static final int VERSION = 2;
}
