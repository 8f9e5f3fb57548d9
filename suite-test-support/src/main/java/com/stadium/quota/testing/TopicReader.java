package com.stadium.quota.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic of the test stack's broker from the beginning, as an outside observer: every partition assigned to
 * it, no consumer group (joining one cost each reader a rebalance).
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        // the stack makes the suite's topics at its start (infra/kafka/topics.txt); any other is made here on first use
        List<TopicPartition> partitions;
        try {
            partitions = Awaitility.await("partitions of " + topic).atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(100)).until(() -> consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList(), found -> !found.isEmpty());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until a record matches or the time is up; returns every matching record seen by then. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching,
            Duration atMost) {
        return awaitCount(matching, 1, atMost);
    }

    /** Polls until {@code count} records match or the time is up; returns the matching records seen by then. */
    public List<ConsumerRecord<String, String>> awaitCount(Predicate<ConsumerRecord<String, String>> matching,
            int count, Duration atMost) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                if (matching.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
