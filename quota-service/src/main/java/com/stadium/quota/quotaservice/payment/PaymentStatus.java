package com.stadium.quota.quotaservice.payment;

/** A payment as the provider reports it. */
public enum PaymentStatus {
    PENDING,
    PAID,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
