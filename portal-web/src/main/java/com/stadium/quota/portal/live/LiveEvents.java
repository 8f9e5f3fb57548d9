package com.stadium.quota.portal.live;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Reads quota-events into this instance's hub. Each instance is its own consumer group starting at the newest
 * record (application.properties): pages opened before it started fetched their state from the holder API.
 */
@ApplicationScoped
public class LiveEvents {

    @Inject
    LiveHub hub;

    @Inject
    ObjectMapper json;

    @Produces
    @Singleton
    static LiveHub hub(LiveConfig config) {
        return new LiveHub(config.memory());
    }

    @Incoming("quota-events")
    public void on(ConsumerRecord<String, String> record) {
        QuotaEvent.read(record.value(), json).ifPresent(event -> hub.publish(id(record), event));
    }

    /** Partition and offset: unique on the topic, and the same on every instance. */
    static String id(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }
}
