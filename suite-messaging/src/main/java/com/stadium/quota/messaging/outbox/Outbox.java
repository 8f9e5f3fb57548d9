package com.stadium.quota.messaging.outbox;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.messaging.trace.TraceContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/** Where a service announces a state change: in the caller's transaction, never straight to Kafka. */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    /** Stores the event keyed by its aggregate id; it is sent once the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(SuiteEvent event, String aggregateId) {
        return publish(event, aggregateId, aggregateId);
    }

    /** Same, with a Kafka key other than the aggregate id (e.g. the match id that orders inventory changes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(SuiteEvent event, String aggregateId, String kafkaKey) {
        Instant now = clock.instant();
        EventEnvelope envelope = EventEnvelope.of(event, aggregateId, now, json);
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.id();
        message.topic = event.topic();
        message.messageKey = kafkaKey;
        message.eventType = event.type();
        message.envelope = write(envelope);
        message.createdAt = now;
        TraceContext trace = TraceContext.current();
        message.traceParent = trace.traceparent();
        message.traceState = trace.tracestate();
        message.persist();
        relay.wakeUpAfterCommit(transactions);
        return envelope;
    }

    private String write(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
