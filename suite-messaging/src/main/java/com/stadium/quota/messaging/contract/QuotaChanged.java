package com.stadium.quota.messaging.contract;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A quota changed: created, allocated (or not), tickets changed status, cancelled. It carries the quota's state
 * after the change, so a page or an app refreshes from the event alone. On {@code quota-events} keyed by quota
 * id.
 *
 * <pre>
 * {"quotaId":"a7e2…","groupId":null,"parentId":null,"change":"ALLOCATED","state":"ALLOCATED","matchId":1,
 *  "holderEmail":"vip@sponsor.example","quantity":4,"unfulfilled":0,
 *  "ticketCounts":{"ALLOCATED":4,"RESERVED":0,"SOLD":0,"CANCELLED":0},"expiresOn":"2026-12-20","actor":"admin"}
 * </pre>
 *
 * @param change CREATED, ALLOCATED, ALLOCATION_FAILED, TICKETS_CHANGED or CANCELLED
 * @param state the quota's state after the change
 * @param parentId the holder's quota when this one is a subquota
 * @param actor who made the change (a user name, or the service for automatic changes)
 */
@EventType(name = QuotaChanged.TYPE, version = QuotaChanged.VERSION, topic = Topics.QUOTA_EVENTS)
public record QuotaChanged(UUID quotaId, UUID groupId, UUID parentId, String change, String state, long matchId,
        String holderEmail, int quantity, int unfulfilled, Map<String, Integer> ticketCounts, LocalDate expiresOn,
        String actor) implements SuiteEvent {

    public static final String TYPE = "quota.changed";
    public static final int VERSION = 1;

    public QuotaChanged {
        ticketCounts = ticketCounts == null ? Map.of() : Map.copyOf(ticketCounts);
    }
}
