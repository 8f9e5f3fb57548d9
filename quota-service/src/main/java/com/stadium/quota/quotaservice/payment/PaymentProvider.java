package com.stadium.quota.quotaservice.payment;

/**
 * The payment service outside the suite (DESIGN.md, "Payment"): one payment per claim, keyed by an idempotency key
 * so a repeated request never charges twice; the result arrives by callback ({@link PaymentCallbackResource}) or is
 * read by {@link #status(String)} when the callback is late.
 */
public interface PaymentProvider {

    /**
     * What is to be paid for one claim.
     *
     * @param returnUrl where the payer's browser goes back to once the payment ended (checked against the allowed
     *        prefixes, {@link ReturnUrl}), or null to stay on the provider's page
     */
    record PaymentOrder(String idempotencyKey, int amountCents, String currency, String description,
            String returnUrl) {
    }

    /** A created payment: where the payer goes to pay. */
    record PaymentSession(String paymentId, String redirectUrl, PaymentStatus status) {
    }

    /** Creates the payment, or returns the one created before under the same idempotency key. */
    PaymentSession create(PaymentOrder order);

    /** What the provider knows of a payment now; an unknown id is FAILED. */
    PaymentStatus status(String paymentId);

    /** Gives up a pending payment; the answer is the payment's status after that (PAID if it was paid meanwhile). */
    PaymentStatus cancel(String paymentId);

    /**
     * Pays back part or all of a paid payment; the same idempotency key refunds once. False when the provider refuses
     * (not paid, more than was paid); an exception when it cannot be asked now (try again later).
     */
    boolean refund(String paymentId, int amountCents, String idempotencyKey);
}
