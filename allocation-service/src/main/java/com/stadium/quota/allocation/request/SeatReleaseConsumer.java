package com.stadium.quota.allocation.request;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.allocation.match.Match;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.contract.SeatsSold;
import com.stadium.quota.messaging.inbox.Inbox;
import com.stadium.quota.web.ConnectionLoss;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Gives released seats back to the inventory; releasing seats that are already free changes nothing. */
@ApplicationScoped
public class SeatReleaseConsumer {

    private static final Logger LOG = Logger.getLogger(SeatReleaseConsumer.class);
    static final String CONSUMER = "allocation-service/seat-releases";

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    Inventory inventory;

    @Incoming("seat-releases")
    @Blocking
    public void receive(String message) {
        // a database outage must not send a good message to the dead-letter topic
        ConnectionLoss.retried(() -> QuarkusTransaction.requiringNew().run(() -> apply(message)));
    }

    private void apply(String message) {
        EventEnvelope envelope = EventEnvelope.parse(message, json);
        boolean sale = envelope.is(SeatsSold.TYPE);
        if (!(sale || envelope.is(SeatsReleased.TYPE)) || !inbox.firstDelivery(CONSUMER, envelope.id())) {
            return;
        }
        if (sale) {
            SeatsSold sold = envelope.payloadAs(SeatsSold.class, json);
            int marked = inventory.markSold(sold.matchId(), sold.quotaId(), sold.seatIds());
            LOG.debugf("%d of %d seats of quota %s at match %d sold", marked, sold.seatIds().size(), sold.quotaId(),
                    sold.matchId());
            return;
        }
        SeatsReleased release = envelope.payloadAs(SeatsReleased.class, json);
        Match match = Match.findById(release.matchId());
        if (match == null || release.quotaId() == null) {
            LOG.warnf("release %s names no known match and quota; nothing to release", envelope.id());
            return;
        }
        int released = inventory.release(match.id, release.quotaId(), release.seatIds(),
                inventory.plan(match.venueId)).size();
        LOG.debugf("released %d seats of quota %s at match %d (%s)", released, release.quotaId(), match.id,
                release.reason());
    }
}
