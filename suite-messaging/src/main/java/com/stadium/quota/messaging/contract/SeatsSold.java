package com.stadium.quota.messaging.contract;

import java.util.List;
import java.util.UUID;

/**
 * quota-service reports seats whose tickets were paid (or confirmed free), so the inventory shows them SOLD rather
 * than only held. On {@code seat-releases}, keyed by match id like the releases, so a sale and a later release of
 * the same seat arrive in order.
 *
 * <pre>
 * {"matchId":1,"quotaId":"a7e2…","seatIds":[1021,1022]}
 * </pre>
 *
 * @param quotaId the quota the inventory holds the seats under (for a subquota: its parent)
 */
@EventType(name = SeatsSold.TYPE, version = SeatsSold.VERSION, topic = Topics.SEAT_RELEASES)
public record SeatsSold(long matchId, UUID quotaId, List<Long> seatIds) implements SuiteEvent {

    public static final String TYPE = "seats.sold";
    public static final int VERSION = 1;

    public SeatsSold {
        seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
    }
}
