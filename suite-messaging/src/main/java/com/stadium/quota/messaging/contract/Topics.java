package com.stadium.quota.messaging.contract;

/** Kafka topic names of the suite; the README's topic table documents each with an example. */
public final class Topics {

    /** quota-service → portal-web and others: every change of a quota, keyed by quota id. */
    public static final String QUOTA_EVENTS = "quota-events";
    /** quota-service → allocation-service: seats wanted, keyed by the lowest match id. */
    public static final String ALLOCATION_REQUESTS = "allocation-requests";
    /** allocation-service → quota-service: seats held or the reason none were, keyed by quota id. */
    public static final String ALLOCATION_RESULTS = "allocation-results";
    /** quota-service → allocation-service: seats given back (cancel) or sold, keyed by match id. */
    public static final String SEAT_RELEASES = "seat-releases";
    /** any service → notification-adapter: a message owed to a person, keyed by recipient email. */
    public static final String NOTIFICATION_REQUESTS = "notification-requests";
    /**
     * notification-adapter's dead letters, keyed as received: a message it could not read (as it was, the reason
     * in the headers), or a {@code notification.failed} event for one it gave up sending.
     */
    public static final String NOTIFICATION_REQUESTS_DLQ = "notification-requests-dlq";

    /**
     * allocation-service → quota-service (and any reader): every match with its free seats per sector, keyed by match
     * id. Compacted: the newest announcement of a match is its state.
     */
    public static final String MATCH_CATALOG = "match-catalog";

    /**
     * allocation-service → its own instances: a match's seats written by an instance that does not own the match,
     * keyed by match id, so the owner reads its view of the match again.
     */
    public static final String INVENTORY_CHANGES = "inventory-changes";

    /** quota-service → the payment service's adapter: refunds of cancelled paid tickets, keyed by quota id. */
    public static final String REFUND_REQUESTS = "refund-requests";

    private Topics() {
    }
}
