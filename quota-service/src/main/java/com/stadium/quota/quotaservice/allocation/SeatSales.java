package com.stadium.quota.quotaservice.allocation;

import java.util.List;

import com.stadium.quota.messaging.contract.SeatsSold;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.quota.Quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Tells allocation-service which held seats are now sold, in the transaction that sold them. */
@ApplicationScoped
public class SeatSales {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void sold(Quota quota, List<Long> seatIds) {
        if (seatIds.isEmpty()) {
            return;
        }
        outbox.publish(new SeatsSold(quota.matchId, quota.inventoryHolder(), seatIds), quota.id.toString(),
                Long.toString(quota.matchId));
    }
}
