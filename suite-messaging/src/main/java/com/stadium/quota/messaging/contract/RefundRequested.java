package com.stadium.quota.messaging.contract;

import java.util.UUID;

/**
 * A paid ticket was cancelled: the payment service is asked to refund it. On {@code refund-requests} keyed by
 * quota id; the idempotency key is the ticket's, so a repeated request refunds once.
 *
 * <pre>
 * {"refundId":"5d0c…","quotaId":"a7e2…","ticketId":"91b3…","amountCents":6800,"currency":"EUR",
 *  "idempotencyKey":"refund-91b3…","reason":"QUOTA_CANCELLED"}
 * </pre>
 */
@EventType(name = RefundRequested.TYPE, version = RefundRequested.VERSION, topic = Topics.REFUND_REQUESTS)
public record RefundRequested(UUID refundId, UUID quotaId, UUID ticketId, int amountCents, String currency,
        String idempotencyKey, Reason reason) implements SuiteEvent {

    public static final String TYPE = "refund.requested";
    public static final int VERSION = 1;

    /** Why the money goes back. */
    public enum Reason {
        /** The quota or the ticket was cancelled after it was paid. */
        QUOTA_CANCELLED
    }
}
