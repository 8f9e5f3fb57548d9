package com.stadium.quota.notification.message;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message owed to a person; its id is the id of the request event, so a redelivery finds it again. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(nullable = false)
    public String locale;

    @Column(name = "quota_id")
    public String quotaId;

    @Column(name = "requested_by")
    public String requestedBy;

    /** Template values as a JSON object. */
    @Column(nullable = false, columnDefinition = "text")
    public String data;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    void sent(Instant now) {
        attempts++;
        status = NotificationStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    void failed(String error, Instant now, RetryPolicy retries) {
        attempts++;
        lastError = error;
        retries.nextAttempt(attempts, now).ifPresentOrElse(
                next -> nextAttemptAt = next,
                () -> status = NotificationStatus.FAILED);
    }

    void undeliverable(String error) {
        attempts++;
        lastError = error;
        status = NotificationStatus.FAILED;
    }
}
