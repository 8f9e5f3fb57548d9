package com.stadium.quota.notification.message;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.contract.NotificationRequestedV1;
import com.stadium.quota.messaging.trace.TraceContext;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message owed to a person; its id is the id of the request event, so a redelivery finds it again. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    private static final TypeReference<Map<String, String>> V1_DATA = new TypeReference<>() {
    };

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

    /** What the message says: the notice as JSON (version 2), or the template values of a version 1 request. */
    @Column(nullable = false, columnDefinition = "text")
    public String data;

    /** The request version {@link #data} was written in; rows stored before version 2 keep 1. */
    @Column(name = "data_version", nullable = false)
    public int dataVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Embedded
    public DeliveryAttempts delivery = new DeliveryAttempts();

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The notification this one sends again (admin resend), if any. */
    @Column(name = "resend_of")
    public UUID resendOf;

    /** W3C trace context of the request that asked for the message, so its sending joins that trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    /** A new message to send now. */
    public static Notification pending(UUID id, NotificationRequested request, Instant now, ObjectMapper json) {
        Notification notification = new Notification();
        notification.id = id;
        notification.kind = request.kind().name();
        notification.recipientEmail = request.recipientEmail().trim();
        notification.recipientName = request.recipientName() == null || request.recipientName().isBlank()
                ? notification.recipientEmail : request.recipientName().trim();
        notification.locale = request.locale();
        notification.quotaId = request.quotaId();
        notification.requestedBy = request.requestedBy();
        notification.data = json.valueToTree(request.notice()).toString();
        notification.dataVersion = NotificationRequested.VERSION;
        notification.status = NotificationStatus.PENDING;
        notification.delivery = DeliveryAttempts.dueAt(now);
        notification.receivedAt = now;
        TraceContext trace = TraceContext.current();
        notification.traceParent = trace.traceparent();
        notification.traceState = trace.tracestate();
        return notification;
    }

    /** The request this notification was made from. */
    public NotificationRequested request(ObjectMapper json) {
        return new NotificationRequested(recipientEmail, recipientName, locale, quotaId, requestedBy, notice(json));
    }

    /** What the message says; a row stored from a version 1 request is converted as such a request would be. */
    public Notice notice(ObjectMapper json) {
        try {
            if (dataVersion == NotificationRequestedV1.VERSION) {
                return new NotificationRequestedV1(kind, recipientEmail, recipientName, locale, quotaId, requestedBy,
                        json.readValue(data, V1_DATA)).upgrade(json).notice();
            }
            return json.readValue(data, Notice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored message is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    void sent(Instant now) {
        delivery.sent(now);
        status = NotificationStatus.SENT;
    }

    /** Schedules the next attempt; returns false when there is none left and the notification has failed. */
    boolean failed(String error, Instant now, RetryPolicy retries) {
        if (!delivery.failed(error, now, retries)) {
            status = NotificationStatus.FAILED;
        }
        return status == NotificationStatus.PENDING;
    }

    void undeliverable(String error) {
        delivery.givenUp(error);
        status = NotificationStatus.FAILED;
    }
}
