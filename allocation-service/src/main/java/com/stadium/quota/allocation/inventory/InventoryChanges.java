package com.stadium.quota.allocation.inventory;

import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.InventoryChanged;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads every instance's announced inventory changes (a consumer group per instance) and drops this instance's view
 * of each match another instance wrote; its own announcements change nothing.
 */
@ApplicationScoped
public class InventoryChanges {

    private static final Logger LOG = Logger.getLogger(InventoryChanges.class);

    @Inject
    ObjectMapper json;

    @Inject
    MatchOwnership ownership;

    @Inject
    Inventory inventory;

    @Incoming("inventory-changes")
    public void receive(String message) {
        try {
            EventEnvelope envelope = EventEnvelope.parse(message, json);
            if (!envelope.is(InventoryChanged.TYPE)) {
                return;
            }
            InventoryChanged change = envelope.payloadAs(InventoryChanged.class, json);
            if (!ownership.instance().equals(change.writtenBy())) {
                inventory.forget(List.of(change.matchId()));
            }
        } catch (RuntimeException unreadable) {
            // no dead-letter topic: every instance reads every change, so it would get one copy per instance;
            // dropping every view is always right, only slower
            LOG.warnf("an inventory change could not be read (%s); every view is read again",
                    unreadable.getMessage());
            inventory.forgetIf(matchId -> true);
        }
    }
}
