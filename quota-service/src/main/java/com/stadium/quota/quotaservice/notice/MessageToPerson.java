package com.stadium.quota.quotaservice.notice;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;

/**
 * A message the suite owes one person, before it is sent: who, about which quota, and what it says.
 *
 * @param quotaId the quota it concerns, or null (a test message)
 */
public record MessageToPerson(String recipientEmail, String recipientName, UUID quotaId, Notice notice) {

    /** Shown with the message in answers (e.g. a cancellation's "people told"). */
    @JsonProperty
    public NotificationKind kind() {
        return notice.kind();
    }
}
