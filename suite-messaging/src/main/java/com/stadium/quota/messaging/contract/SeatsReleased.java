package com.stadium.quota.messaging.contract;

import java.util.List;
import java.util.UUID;

/**
 * quota-service gives seats of one quota at one match back to the inventory (cancellation, retraction, a
 * quota that no longer needs them). On {@code seat-releases} keyed by match id.
 *
 * <pre>
 * {"matchId":1,"quotaId":"a7e2…","seatIds":[1021,1022],"reason":"CANCELLED"}
 * </pre>
 *
 * @param seatIds the seats to release; empty releases every seat the quota holds at that match
 * @param reason why, for the record
 */
@EventType(name = SeatsReleased.TYPE, version = SeatsReleased.VERSION, topic = Topics.SEAT_RELEASES)
public record SeatsReleased(long matchId, UUID quotaId, List<Long> seatIds, Reason reason) implements SuiteEvent {

    public static final String TYPE = "seats.released";
    public static final int VERSION = 1;

    /** Why seats go back; a value this version does not know sends the event to the dead-letter topic. */
    public enum Reason {
        /** The quota (or its tickets) was cancelled, or no longer needs seats it was allocated. */
        CANCELLED,
        /** A subquota was retracted. */
        RETRACTED
    }

    public SeatsReleased {
        seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
    }
}
