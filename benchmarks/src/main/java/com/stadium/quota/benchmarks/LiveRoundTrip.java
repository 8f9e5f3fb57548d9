package com.stadium.quota.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.stadium.quota.testing.EventStream;
import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.Tokens;

/**
 * Event → page latency of the live updates (issue 15): {@code clients} open live streams of portal-web (the app's
 * /app/live, one holder's quota-app token), then {@code changes} quota.changed records for that holder are written
 * to quota-events one after the other; each record's time from the write to its arrival at every client is measured.
 * Runs against the test stack with a packaged portal-web and quota-service (test profile); see docs/benchmarks.md.
 */
public final class LiveRoundTrip {

    private static final String PORTAL = System.getProperty("portal", "http://127.0.0.1:" + TestStack.PORTAL_PORT);
    private static final String HOLDER = System.getProperty("holder", "holder@club.example");
    private static final int CLIENTS = Integer.getInteger("clients", 50);
    private static final int CHANGES = Integer.getInteger("changes", 200);
    private static final long PAUSE_MS = Long.getLong("pauseMs", 25);

    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong arrivals = new AtomicLong();

    public static void main(String[] args) throws Exception {
        new LiveRoundTrip().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String token = Tokens.app(HOLDER);
        List<EventStream> streams = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < CLIENTS; i++) {
                streams.add(EventStream.open(PORTAL + "/app/live", Map.of("Authorization", "Bearer " + token),
                        this::arrived));
            }
            // warm-up: the portal's consumer starts at the newest record, so write until every client got one
            long deadline = System.currentTimeMillis() + 60_000;
            while (streams.stream().anyMatch(s -> s.events.isEmpty())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the streams got nothing in a minute: is portal-web running?");
                }
                write(producer, "warm-up-" + UUID.randomUUID());
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            latencies.clear();
            arrivals.set(0);
            for (int i = 0; i < CHANGES; i++) {
                write(producer, "measured");
                Thread.sleep(PAUSE_MS);
            }
            long expected = (long) CHANGES * CLIENTS;
            long until = System.currentTimeMillis() + 30_000;
            while (arrivals.get() < expected && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            report(expected);
        } finally {
            for (EventStream stream : streams) {
                stream.close();
            }
        }
    }

    private void arrived(EventStream.Event event) {
        long now = System.nanoTime();
        String quotaId = event.data().replaceAll(".*\"quotaId\":\"([^\"]+)\".*", "$1");
        Long at = written.get(quotaId);
        if (at != null && at > 0) {
            latencies.add(now - at);
            arrivals.incrementAndGet();
        }
    }

    private void write(KafkaProducer<String, String> producer, String kind) throws Exception {
        String quotaId = UUID.randomUUID().toString();
        String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"quota.changed\",\"version\":1,\"time\":\""
                + java.time.Instant.now() + "\",\"aggregateId\":\"" + quotaId + "\",\"payload\":{\"quotaId\":\""
                + quotaId + "\",\"parentId\":null,\"change\":\"TICKETS_CHANGED\",\"state\":\"ALLOCATED\","
                + "\"matchId\":1,\"holderEmail\":\"" + HOLDER + "\",\"quantity\":2,\"unfulfilled\":0,"
                + "\"ticketCounts\":{\"ALLOCATED\":1,\"RESERVED\":1}}}";
        written.put(quotaId, "measured".equals(kind) ? System.nanoTime() : -1L);
        producer.send(new ProducerRecord<>("quota-events", quotaId, envelope)).get(10, TimeUnit.SECONDS);
    }

    private void report(long expected) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no event arrived");
        }
        System.out.printf("%d changes x %d clients: %d of %d arrivals%n", CHANGES, CLIENTS, sorted.size(), expected);
        System.out.printf("event -> page  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double share) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1)) / 1e6;
    }

    private static KafkaProducer<String, String> producer() {
        java.util.Properties config = new java.util.Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", TestStack.kafkaBootstrap()));
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
