package com.stadium.quota.notification.push;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.notification.message.DeliveryAttempts;
import com.stadium.quota.notification.message.RetryPolicy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One push owed to one device for one mailed notification; stored, then sent and retried like the mail. */
@Entity
@Table(name = "push_delivery")
public class PushDelivery extends PanacheEntityBase {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    public enum Status {
        PENDING,
        SENT,
        /** Retries used up. */
        FAILED,
        /** The device went away before the push could go (unregistered, expired, or now another holder's). */
        GONE
    }

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "device_token", nullable = false)
    public String deviceToken;

    /** Lower case; the device must still belong to this person when the push goes out. */
    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** {@link PushMessage#data()} as a JSON object. */
    @Column(nullable = false, columnDefinition = "text")
    public String data;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Embedded
    public DeliveryAttempts delivery = new DeliveryAttempts();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static PushDelivery pending(UUID notificationId, Device device, PushContent content, Instant now,
            ObjectMapper json) {
        PushDelivery push = new PushDelivery();
        push.id = UUID.randomUUID();
        push.notificationId = notificationId;
        push.deviceToken = device.token;
        push.recipientEmail = device.email;
        push.title = content.title();
        push.body = content.body();
        try {
            push.data = json.writeValueAsString(content.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push data cannot be written as JSON", e);
        }
        push.status = Status.PENDING;
        push.delivery = DeliveryAttempts.dueAt(now);
        push.createdAt = now;
        return push;
    }

    Map<String, String> data(ObjectMapper json) {
        try {
            return json.readValue(data, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored push data is not a JSON object", e);
        }
    }

    void sent(Instant now) {
        delivery.sent(now);
        status = Status.SENT;
    }

    /** Schedules the next attempt; returns false when there is none left and the push has failed. */
    boolean failed(String error, Instant now, RetryPolicy retries) {
        if (!delivery.failed(error, now, retries)) {
            status = Status.FAILED;
        }
        return status == Status.PENDING;
    }

    void gone(String reason) {
        status = Status.GONE;
        delivery.lastError = reason;
    }
}
