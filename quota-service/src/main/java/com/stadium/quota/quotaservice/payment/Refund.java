package com.stadium.quota.quotaservice.payment;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refund asked of the payment service for a cancelled paid ticket. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false, unique = true)
    public UUID ticketId;

    @Column(name = "quota_id", nullable = false)
    public UUID quotaId;

    @Column(name = "amount_cents", nullable = false)
    public int amountCents;

    /** REQUESTED until the payment provider answers: REFUNDED, or FAILED with the reason in lastError. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public RefundStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** The payment the ticket was paid with; null when it was sold without one. */
    @Column(name = "payment_id")
    public String paymentId;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "refunded_at")
    public Instant refundedAt;
}
