package com.stadium.quota.allocation.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.inbox.Inbox;
import com.stadium.quota.messaging.trace.TraceContext;
import com.stadium.quota.web.ConnectionLoss;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes allocation requests off Kafka a poll at a time (the key is the lowest match id, so one match's requests
 * come in order) and answers the poll's requests in order in one transaction. A seat taken meanwhile by another
 * instance drops the cached view and the poll is tried again; if the poll still fails, its requests are answered
 * one at a time, so only the one that fails goes to the dead-letter topic, as does a message that cannot be read.
 */
@ApplicationScoped
public class AllocationRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AllocationRequestConsumer.class);
    static final String CONSUMER = "allocation-service/allocation-requests";
    private static final int ATTEMPTS = 3;

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    Inventory inventory;

    @Inject
    SeatAllocation allocation;

    /** A readable request and the record it came in. */
    private record Received(KafkaRecord<String, String> record, UUID eventId, AllocationRequested request) {
    }

    @Incoming("allocation-requests")
    @Blocking
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) {
        List<Received> readable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EventEnvelope envelope = EventEnvelope.parse(record.getPayload(), json);
                if (envelope.is(AllocationRequested.TYPE)) {
                    readable.add(new Received(record, envelope.id(), request(envelope)));
                }
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (!readable.isEmpty()) {
            try {
                answer(readable);
            } catch (RuntimeException e) {
                LOG.warnf("a poll of %d requests failed (%s); answering them one at a time", readable.size(),
                        e.getMessage());
                for (Received one : readable) {
                    try {
                        answer(List.of(one));
                    } catch (RuntimeException failed) {
                        deadLetter(one.record(), failed);
                    }
                }
            }
        }
        return batch.ack();
    }

    private AllocationRequested request(EventEnvelope envelope) {
        AllocationRequested request = envelope.payloadAs(AllocationRequested.class, json);
        if (request.requestId() == null) {
            throw new IllegalArgumentException("allocation request " + envelope.id() + " has no request id");
        }
        return request;
    }

    /** Answers the requests delivered for the first time, in order, in one transaction. */
    private void answer(List<Received> received) {
        List<Long> matches = received.stream().flatMap(r -> r.request().quotas().stream())
                .map(AllocationRequested.MatchQuota::matchId).distinct().toList();
        for (int attempt = 1; ; attempt++) {
            try {
                // a database outage must not send a good request to the dead-letter topic
                ConnectionLoss.retried(() -> QuarkusTransaction.requiringNew().run(() -> {
                    Set<UUID> first = inbox.firstDeliveries(CONSUMER,
                            received.stream().map(Received::eventId).toList());
                    allocation.answerAll(received.stream().filter(r -> first.remove(r.eventId()))
                            .map(r -> new SeatAllocation.Traced(r.request(),
                                    TraceContext.readFrom(r.record().getHeaders())))
                            .toList());
                }));
                return;
            } catch (Inventory.SeatTaken e) {
                inventory.forget(matches);
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.infof("%d requests: %s; trying again on fresh inventory", received.size(), e.getMessage());
            }
        }
    }

    /** Sends the record to the dead-letter topic (the channel's failure strategy) and waits until it is there. */
    private static void deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        LOG.warnf("allocation request with key %s goes to the dead-letter topic: %s", record.getKey(),
                reason.getMessage());
        record.nack(reason).toCompletableFuture().join();
    }
}
