package com.stadium.quota.quotaservice.payment;

/** Where the payment service's answers go (the claims); the callback and the sandbox hand them on. */
public interface PaymentResults {

    /**
     * The payment service's answer for a payment; false when nothing waits for that payment. A repeated answer
     * changes nothing.
     */
    boolean answered(String paymentId, PaymentStatus status);
}
