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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.stadium.quota.messaging.drain.Drain;

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

    @ConfigProperty(name = "suite.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "suite.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    private Drain drain;
    private KafkaProducer<String, String> producer;

    @PostConstruct
    void start() {
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
            for (OutboxMessage message : batch) {
                acks.add(producer.send(new ProducerRecord<>(message.topic, message.messageKey, message.envelope)));
            }
            // a failure rolls the batch back and it is sent again later: consumers deduplicate on event id
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            try {
                for (Future<RecordMetadata> ack : acks) {
                    await(ack, deadline);
                }
            } catch (RuntimeException e) {
                // drop what the client still buffers, so the retry is the only copy that reaches Kafka
                producer.close(Duration.ZERO);
                producer = newProducer();
                throw e;
            }
            Instant now = clock.instant();
            batch.forEach(m -> m.publishedAt = now);
            return batch.size();
        });
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
