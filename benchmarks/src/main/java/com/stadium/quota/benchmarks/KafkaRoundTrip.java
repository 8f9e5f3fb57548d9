package com.stadium.quota.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.AllocationRequested.MatchQuota;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.SeatsReleased;
import com.stadium.quota.messaging.contract.SuiteEvent;
import com.stadium.quota.messaging.contract.Topics;

/**
 * End-to-end timing against the running suite (./suite start): what a 50-line CSV over three matches asks of
 * allocation-service. Round 1 sends 150 single-match requests (50 lines x 3 matches), round 2 the same 50 lines as
 * 50 multi-match requests (the same seats at all three matches). Each round is timed from the first send to the
 * last result read back from Kafka. Every seat held is released afterwards.
 */
public final class KafkaRoundTrip {

    private static final String KAFKA = System.getProperty("kafka", "127.0.0.1:19092");
    private static final List<String> SECTORS = List.of("W1", "W2", "W3", "W4", "W5", "E1", "E2", "E3", "E4", "E5");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        new KafkaRoundTrip().run();
    }

    private void run() throws Exception {
        List<Long> matches = matches();
        System.out.printf("matches %s, broker %s%n", matches, KAFKA);
        try (KafkaProducer<String, String> producer = SuiteKafka.producer(KAFKA, 5);
                KafkaConsumer<String, String> results = SuiteKafka.latest(KAFKA, Topics.ALLOCATION_RESULTS)) {
            List<AllocationRequested> single = new ArrayList<>();
            List<AllocationRequested> grouped = new ArrayList<>();
            for (int line = 0; line < 50; line++) {
                String sector = SECTORS.get(line % SECTORS.size());
                int quantity = 2 + line % 5;
                List<MatchQuota> group = new ArrayList<>();
                for (long match : matches) {
                    MatchQuota quota = new MatchQuota(match, UUID.randomUUID());
                    group.add(quota);
                    single.add(request(List.of(quota), sector, quantity));
                }
                grouped.add(request(List.of(new MatchQuota(matches.get(0), UUID.randomUUID()),
                        new MatchQuota(matches.get(1), UUID.randomUUID()),
                        new MatchQuota(matches.get(2), UUID.randomUUID())), sector, quantity));
            }
            round("150 single-match requests", single, producer, results);
            round("50 multi-match requests (3 matches each)", grouped, producer, results);
            List<AllocationRequested> all = new ArrayList<>(single);
            all.addAll(grouped);
            for (AllocationRequested request : all) {
                for (MatchQuota quota : request.quotas()) {
                    send(producer, new SeatsReleased(quota.matchId(), quota.quotaId(), List.of(),
                            SeatsReleased.Reason.CANCELLED),
                            Long.toString(quota.matchId()));
                }
            }
            producer.flush();
            System.out.println("released every seat held by the benchmark");
        }
    }

    private static AllocationRequested request(List<MatchQuota> quotas, String sector, int quantity) {
        return new AllocationRequested(UUID.randomUUID(), quotas, List.of(sector, "N1", "S1"), quantity,
                AllocationRequested.Algorithm.NM, false, true, null);
    }

    private void round(String name, List<AllocationRequested> requests, KafkaProducer<String, String> producer,
            KafkaConsumer<String, String> results) throws Exception {
        Map<String, Long> sentAt = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (AllocationRequested request : requests) {
            sentAt.put(request.requestId().toString(), System.nanoTime());
            send(producer, request, request.partitionKey());
        }
        producer.flush();
        int allocated = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (latencies.size() < requests.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : results.poll(Duration.ofMillis(100))) {
                JsonNode payload = json.readTree(record.value()).path("payload");
                Long sent = sentAt.remove(payload.path("requestId").asText());
                if (sent != null) {
                    latencies.add(System.nanoTime() - sent);
                    allocated += "ALLOCATED".equals(payload.path("outcome").asText()) ? 1 : 0;
                }
            }
        }
        long total = System.nanoTime() - start;
        latencies.sort(null);
        System.out.printf("%s: %d answered (%d allocated) in %d ms; latency p50 %d ms, p95 %d ms, max %d ms%n",
                name, latencies.size(), allocated, total / 1_000_000, percentile(latencies, 50),
                percentile(latencies, 95), percentile(latencies, 100));
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }

    private void send(KafkaProducer<String, String> producer, SuiteEvent event, String key) throws Exception {
        EventEnvelope envelope = EventEnvelope.of(event, key, Instant.now(), json);
        producer.send(new ProducerRecord<>(event.topic(), key, json.writeValueAsString(envelope)));
    }

    private List<Long> matches() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                URI.create(DevSuite.KEYCLOAK + "/realms/quota/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=quota-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String accessToken = json.readTree(token.body()).path("access_token").asText();
        HttpResponse<String> matches = http.send(HttpRequest.newBuilder(URI.create(DevSuite.ALLOCATION + "/api/matches"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        List<Long> ids = new ArrayList<>();
        json.readTree(matches.body()).forEach(m -> ids.add(m.path("id").asLong()));
        if (ids.size() < 3) {
            throw new IllegalStateException("needs three matches: is the suite up (./suite start)? " + matches.body());
        }
        return ids.subList(0, 3);
    }
}
