package com.stadium.quota.messaging.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every message on a suite topic carries. The payload's shape is given by {@code type} and {@code version};
 * consumers ignore fields they do not know, and producers add new fields only as optional ones.
 *
 * <pre>
 * {"id":"0b8c6c5e-8f7e-4a77-9a39-5bb1c1a1f2aa","type":"notification.requested","version":1,
 *  "time":"2026-11-25T08:00:00Z","aggregateId":"quota-42","payload":{...}}
 * </pre>
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type what happened, e.g. {@code notification.requested}
 * @param version the payload schema version of that type
 * @param time when it happened (the state change's commit time)
 * @param aggregateId what the event is about (a quota id, a match id); also the Kafka key
 * @param payload the event record as JSON
 */
public record EventEnvelope(UUID id, String type, int version, Instant time, String aggregateId, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** Wraps a payload record in a new envelope with a fresh id. */
    public static EventEnvelope of(SuiteEvent event, String aggregateId, Instant time, ObjectMapper json) {
        return new EventEnvelope(UUID.randomUUID(), event.type(), event.version(), time, aggregateId,
                json.valueToTree(event));
    }

    /** Reads an envelope off the wire; a message that is not one is refused with the reason. */
    public static EventEnvelope parse(String message, ObjectMapper json) {
        try {
            EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
            if (envelope == null) {
                throw new IllegalArgumentException("empty message");
            }
            return envelope;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public <T extends SuiteEvent> T payloadAs(Class<T> type, ObjectMapper json) {
        return json.convertValue(payload, type);
    }

    public boolean is(String eventType) {
        return type.equals(eventType);
    }
}
