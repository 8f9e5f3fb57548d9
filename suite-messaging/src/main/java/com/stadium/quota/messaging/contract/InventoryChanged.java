package com.stadium.quota.messaging.contract;

/**
 * allocation-service → its own instances: seats of one match were held or released by an instance that does not own
 * the match (it does not hold the match's {@code allocation-requests} partition: the other matches of a multi-match
 * request, a release read from another partition owner's {@code seat-releases}). The owner drops its cached view of
 * the match and reads it again from PostgreSQL. On {@code inventory-changes}, keyed by match id; every instance
 * reads every change (a consumer group per instance).
 *
 * <pre>
 * {"matchId":4,"writtenBy":"3f0c9a2e-5d41-4c55-9d0e-0b7d3f1a2c11","seats":2}
 * </pre>
 *
 * @param writtenBy the writing instance's id (random per start): an instance ignores its own changes
 * @param seats how many seats changed, for the record
 */
@EventType(name = InventoryChanged.TYPE, version = InventoryChanged.VERSION, topic = Topics.INVENTORY_CHANGES)
public record InventoryChanged(long matchId, String writtenBy, int seats) implements SuiteEvent {

    public static final String TYPE = "inventory.changed";
    public static final int VERSION = 1;
}
