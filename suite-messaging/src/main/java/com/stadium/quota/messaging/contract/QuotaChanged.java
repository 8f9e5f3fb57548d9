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
 * @param change what happened to the quota
 * @param state the quota's state after the change
 * @param ticketCounts tickets per status (ALLOCATED, RESERVED, SOLD, CANCELLED)
 * @param parentId the holder's quota when this one is a subquota
 * @param actor who made the change (a user name, or the service for automatic changes)
 */
@EventType(name = QuotaChanged.TYPE, version = QuotaChanged.VERSION, topic = Topics.QUOTA_EVENTS)
public record QuotaChanged(UUID quotaId, UUID groupId, UUID parentId, Change change, State state, long matchId,
        String holderEmail, int quantity, int unfulfilled, Map<String, Integer> ticketCounts, LocalDate expiresOn,
        String actor) implements SuiteEvent {

    public static final String TYPE = "quota.changed";
    public static final int VERSION = 1;

    /** What happened to the quota; a value this version does not know fails reading the event. */
    public enum Change {
        /** The quota was created (an admin's quota, a subquota, a quota of an import). */
        CREATED,
        /** allocation-service held seats for it. */
        ALLOCATED,
        /** allocation-service held none. */
        ALLOCATION_FAILED,
        /** The quota, or some of its tickets, were cancelled. */
        CANCELLED,
        /** The holder passed tickets on: a subquota of this quota was created. */
        SUBQUOTA_CREATED,
        /** The holder took a subquota's tickets back (sent on the parent). */
        SUBQUOTA_RETRACTED,
        /** This subquota was taken back by its parent's holder. */
        RETRACTED,
        /** A claim reserved tickets. */
        CLAIM_STARTED,
        /** A claim named every attendee. */
        CLAIM_ATTENDEES_GIVEN,
        /** A claim's payment was started. */
        PAYMENT_STARTED,
        /** A claim's tickets were sold. */
        CLAIM_COMPLETED,
        /** A claim's tickets were released (payment failed, abandoned or timed out, hold expired). */
        CLAIM_RELEASED,
        /** A sold ticket was given to another attendee (issue 21); its old code is void. */
        TICKET_REASSIGNED
    }

    /** A quota's state. */
    public enum State {
        PENDING_ALLOCATION,
        ALLOCATED,
        PARTIALLY_ALLOCATED,
        ALLOCATION_FAILED,
        CANCELLED
    }

    public QuotaChanged {
        ticketCounts = ticketCounts == null ? Map.of() : Map.copyOf(ticketCounts);
    }
}
