package com.stadium.quota.messaging.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A payload that travels inside an {@link EventEnvelope}; each implementation is one versioned event type. */
public interface SuiteEvent {

    @JsonIgnore
    String type();

    @JsonIgnore
    int version();

    /** The Kafka topic this event is published to. */
    @JsonIgnore
    String topic();
}
