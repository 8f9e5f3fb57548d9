package com.stadium.quota.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.stadium.quota.messaging.drain.Drain;
import com.stadium.quota.messaging.trace.TraceContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Sends stored events to Kafka in the order they were written, marking each one published once the broker
 * acknowledged it. Woken after every commit that wrote an event, and by a poll that catches up after an outage.
 * A PostgreSQL advisory lock lets one instance relay at a time, which keeps each key's events in order. It uses a
 * plain Kafka producer of its own: nothing of the transaction leaks to the client's threads.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Any fixed number works; it only has to be the same in every instance of a service. */
    private static final long RELAY_LOCK = 7_007_008L;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    OutboxConfig config;

    @Inject
    Tracer tracer;

    private int batchSize;
    private Duration sendTimeout;

    private Drain drain;
    private KafkaProducer<String, String> producer;

    @PostConstruct
    void start() {
        batchSize = config.batchSize();
        sendTimeout = config.sendTimeout();
        producer = newProducer();
        drain = new Drain("outbox-relay", () -> relayBatch() == batchSize);
    }

    private KafkaProducer<String, String> newProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @PreDestroy
    void stop() {
        drain.close();
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks for a relay run soon; several calls while one is queued make one run. */
    public void wakeUp() {
        drain.wakeUp();
    }

    void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        drain.wakeUpAfterCommit(transactions);
    }

    @Scheduled(every = "${suite.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Sends one batch in one transaction; returns how many events it published. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!mine) {
                return 0;
            }
            List<OutboxMessage> batch = entityManager
                    .createQuery("from OutboxMessage where publishedAt is null order by id", OutboxMessage.class)
                    .setMaxResults(batchSize)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            List<Span> spans = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                Span span = sendSpan(message);
                spans.add(span);
                ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.messageKey,
                        message.envelope);
                // the consumer continues the trace of the change that wrote the event, through this send
                TraceContext.of(Context.root().with(span)).writeTo(record.headers());
                acks.add(producer.send(record));
            }
            // a failure rolls the batch back and it is sent again later: consumers deduplicate on event id
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            try {
                for (Future<RecordMetadata> ack : acks) {
                    await(ack, deadline);
                }
            } catch (RuntimeException e) {
                spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getMessage()).end());
                // drop what the client still buffers, so the retry is the only copy that reaches Kafka
                producer.close(Duration.ZERO);
                producer = newProducer();
                throw e;
            }
            spans.forEach(Span::end);
            Instant now = clock.instant();
            batch.forEach(m -> m.publishedAt = now);
            return batch.size();
        });
    }

    /** A producer span under the trace that was current when the event was stored (a new trace if none). */
    private Span sendSpan(OutboxMessage message) {
        return tracer.spanBuilder(message.topic + " publish")
                .setParent(new TraceContext(message.traceParent, message.traceState).asParent())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", message.topic)
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.message.id", message.eventId.toString())
                .setAttribute("suite.event.type", message.eventType)
                .startSpan();
    }

    private static void await(Future<RecordMetadata> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an event: " + e.getMessage(), e);
        }
    }
}
