package com.stadium.quota.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The reminder owed to one recipient of one quota (or subquota), with what the reminder mail needs. */
@Entity
@Table(name = "expiration_reminder")
public class ExpirationReminder extends PanacheEntityBase {

    /** Derived from quota and recipient, so each pair has at most one reminder. */
    @Id
    public UUID id;

    @Column(name = "quota_id", nullable = false)
    public String quotaId;

    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(nullable = false)
    public String locale;

    @Column(name = "deeplink_token", nullable = false, columnDefinition = "text")
    public String deeplinkToken;

    /** The matches, as the JSON list of the invitation. */
    @Column(nullable = false, columnDefinition = "text")
    public String matches;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "unclaimed_tickets", nullable = false)
    public int unclaimedTickets;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderStatus status;

    /** The reminder's notification, once sent. */
    @Column(name = "notification_id")
    public UUID notificationId;

    static UUID idOf(String quotaId, String email) {
        return UUID.nameUUIDFromBytes(("expiration-reminder:" + quotaId + ":" + email.trim().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** One notification per reminder and expiration date: a redone schedule for the same date cannot send twice. */
    UUID reminderNotificationId() {
        return UUID.nameUUIDFromBytes((id + ":" + expiresAt).getBytes(StandardCharsets.UTF_8));
    }

    void cancel() {
        if (status == ReminderStatus.SCHEDULED) {
            status = ReminderStatus.CANCELLED;
        }
    }
}
