package com.stadium.quota.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.stadium.quota.messaging.drain.Drain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
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
 * A PostgreSQL advisory lock lets one instance relay at a time, which keeps each key's events in order.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Any fixed number works; it only has to be the same in every instance of a service. */
    private static final long RELAY_LOCK = 7_007_008L;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> kafka;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "suite.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "suite.outbox.send-timeout", defaultValue = "PT40S")
    Duration sendTimeout;

    private Drain drain;

    @PostConstruct
    void start() {
        drain = new Drain("outbox-relay", () -> relayBatch() == batchSize);
    }

    /** Asks for a relay run soon; several calls while one is queued make one run. */
    public void wakeUp() {
        drain.wakeUp();
    }

    void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        drain.wakeUpAfterCommit(transactions);
    }

    // the first poll waits for the Kafka channel to be wired at start-up
    @Scheduled(every = "${suite.outbox.poll-interval:2s}", delayed = "${suite.outbox.first-poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
            if (batch.isEmpty()) {
                return 0;
            }
            List<Uni<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxMessage message : batch) {
                acks.add(kafka.sendMessage(Message.of(message.envelope).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(message.topic)
                                .withKey(message.messageKey)
                                .build())));
            }
            // a failure rolls the batch back and it is sent again later: consumers deduplicate on event id
            Uni.join().all(acks).andCollectFailures().await().atMost(sendTimeout);
            Instant now = Instant.now();
            batch.forEach(m -> m.publishedAt = now);
            return batch.size();
        });
    }

    @PreDestroy
    void stop() {
        drain.close();
    }
}
