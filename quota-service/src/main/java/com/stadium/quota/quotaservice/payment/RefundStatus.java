package com.stadium.quota.quotaservice.payment;

/** Where a refund stands; stored by name in {@code refund.status}. */
public enum RefundStatus {
    /** Waiting for the payment provider (tried again until it answers). */
    REQUESTED,
    /** The provider gave the money back. */
    REFUNDED,
    /** The provider refused, or there is no payment to refund: the club refunds by hand (reason in lastError). */
    FAILED
}
