package com.stadium.quota.messaging.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private static final String INSERT = "insert into outbox_message (event_id, topic, message_key, event_type,"
            + " envelope, created_at, trace_parent, trace_state) values (?, ?, ?, ?, ?, ?, ?, ?)";

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

    /**
     * A row of the caller's own table written in the same statement as an event, e.g. its audit line: one round trip
     * to the database for both. {@code insert} is the caller's constant SQL ({@code insert into ... values (?, ...)}),
     * never built from input; {@code values} are bound to its parameters in order.
     */
    public record Row(String insert, List<Object> values) {
    }

    /** Same as {@link #publish(SuiteEvent, String)}, with the caller's row inserted by the same statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publishWith(SuiteEvent event, String aggregateId, Row row) {
        Instant now = clock.instant();
        EventEnvelope envelope = EventEnvelope.of(event, aggregateId, now, json);
        TraceContext trace = TraceContext.current();
        entityManager.unwrap(Session.class).doWork(db -> {
            // a data-modifying WITH: both inserts in one statement, so one round trip under the caller's locks
            try (PreparedStatement insert = db.prepareStatement("with row_with_event as (" + row.insert() + ") "
                    + INSERT)) {
                int at = 1;
                for (Object value : row.values()) {
                    insert.setObject(at++, value);
                }
                bind(insert, at, envelope, event.topic(), aggregateId, event.type(), now, trace);
                insert.executeUpdate();
            }
        });
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
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                for (Keyed keyed : events) {
                    EventEnvelope envelope = EventEnvelope.of(keyed.event(), keyed.aggregateId(), now, json);
                    envelopes.add(envelope);
                    bind(insert, 1, envelope, keyed.event().topic(), keyed.kafkaKey(), keyed.event().type(), now,
                            keyed.trace());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        relay.wakeUpAfterCommit(transactions);
        return envelopes;
    }

    private void bind(PreparedStatement insert, int first, EventEnvelope envelope, String topic, String kafkaKey,
            String type, Instant now, TraceContext trace) throws SQLException {
        insert.setObject(first, envelope.id());
        insert.setString(first + 1, topic);
        insert.setString(first + 2, kafkaKey);
        insert.setString(first + 3, type);
        insert.setString(first + 4, write(envelope));
        insert.setObject(first + 5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        insert.setString(first + 6, trace.traceparent());
        insert.setString(first + 7, trace.tracestate());
    }

    private String write(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
