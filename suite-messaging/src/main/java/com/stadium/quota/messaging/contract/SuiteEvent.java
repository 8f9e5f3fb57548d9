package com.stadium.quota.messaging.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A payload that travels inside an {@link EventEnvelope}; each implementation is one {@link EventType}. */
public interface SuiteEvent {

    @JsonIgnore
    default String type() {
        return eventType().name();
    }

    @JsonIgnore
    default int version() {
        return eventType().version();
    }

    /** The Kafka topic this event is published to. */
    @JsonIgnore
    default String topic() {
        return eventType().topic();
    }

    private EventType eventType() {
        EventType type = getClass().getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @EventType");
        }
        return type;
    }
}
