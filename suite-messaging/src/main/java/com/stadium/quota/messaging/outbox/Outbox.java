package com.stadium.quota.messaging.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.messaging.trace.TraceContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    @Inject
    EntityManager entityManager;

    /** An event to publish with its aggregate id, Kafka key and the trace it continues. */
    public record Keyed(SuiteEvent event, String aggregateId, String kafkaKey, TraceContext trace) {

        /** Continues the trace current on this thread. */
        public Keyed(SuiteEvent event, String aggregateId, String kafkaKey) {
            this(event, aggregateId, kafkaKey, TraceContext.current());
        }
    }

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

    /** Same as {@link #publish(SuiteEvent, String, String)} for many events, in one batched insert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<Keyed> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        entityManager.unwrap(Session.class).doWork(db -> {
            try (PreparedStatement insert = db.prepareStatement("insert into outbox_message (event_id, topic,"
                    + " message_key, event_type, envelope, created_at, trace_parent, trace_state)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Keyed keyed : events) {
                    EventEnvelope envelope = EventEnvelope.of(keyed.event(), keyed.aggregateId(), now, json);
                    envelopes.add(envelope);
                    insert.setObject(1, envelope.id());
                    insert.setString(2, keyed.event().topic());
                    insert.setString(3, keyed.kafkaKey());
                    insert.setString(4, keyed.event().type());
                    insert.setString(5, write(envelope));
                    insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    insert.setString(7, keyed.trace().traceparent());
                    insert.setString(8, keyed.trace().tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        relay.wakeUpAfterCommit(transactions);
        return envelopes;
    }

    private String write(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
