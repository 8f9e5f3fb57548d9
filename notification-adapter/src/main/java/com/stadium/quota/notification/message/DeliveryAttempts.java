package com.stadium.quota.notification.message;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How far the delivery of one message (a mail, or a push to one device) has come: its tries, the last error, when
 * the next try is due and when it went. The message's own status says what came of it (a push may also be GONE).
 */
@Embeddable
public class DeliveryAttempts {

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Nothing tried yet; the first try is due now. */
    public static DeliveryAttempts dueAt(Instant now) {
        DeliveryAttempts delivery = new DeliveryAttempts();
        delivery.nextAttemptAt = now;
        return delivery;
    }

    public void sent(Instant now) {
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** A try that failed; returns true when another is scheduled, false when none is left. */
    public boolean failed(String error, Instant now, RetryPolicy retries) {
        attempts++;
        lastError = error;
        Optional<Instant> next = retries.nextAttempt(attempts, now);
        next.ifPresent(at -> nextAttemptAt = at);
        return next.isPresent();
    }

    /** A try that can never succeed (no template, a refused address): no other is scheduled. */
    public void givenUp(String error) {
        attempts++;
        lastError = error;
    }
}
