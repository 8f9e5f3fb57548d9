package com.stadium.quota.allocation.request;

import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.inbox.Inbox;
import com.stadium.quota.web.ConnectionLoss;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes allocation requests off Kafka, one at a time per partition (the key is the lowest match id, so one match's
 * requests are answered in order). A seat taken meanwhile by another instance drops the cached view and the
 * request is tried again; a message that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class AllocationRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AllocationRequestConsumer.class);
    static final String CONSUMER = "allocation-service/allocation-requests";
    private static final int ATTEMPTS = 3;

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    Inventory inventory;

    @Inject
    SeatAllocation allocation;

    @Incoming("allocation-requests")
    @Blocking
    public void receive(String message) {
        EventEnvelope envelope = EventEnvelope.parse(message, json);
        if (!envelope.is(AllocationRequested.TYPE)) {
            return;
        }
        AllocationRequested request = envelope.payloadAs(AllocationRequested.class, json);
        if (request.requestId() == null) {
            throw new IllegalArgumentException("allocation request " + envelope.id() + " has no request id");
        }
        List<Long> matches = request.quotas().stream().map(AllocationRequested.MatchQuota::matchId).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                // a database outage must not send a good request to the dead-letter topic
                ConnectionLoss.retried(() -> QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(CONSUMER, envelope.id())) {
                        allocation.answer(request);
                    }
                }));
                return;
            } catch (Inventory.SeatTaken e) {
                inventory.forget(matches);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.infof("request %s: %s; trying again on fresh inventory", request.requestId(), e.getMessage());
            }
        }
    }
}
