package com.stadium.quota.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to the test stack's broker as another service would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(topic, key, List.of(value));
    }

    /** Sends one record with headers (e.g. a W3C traceparent) and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name,
                header.getBytes(StandardCharsets.UTF_8)));
        send(List.of(record));
    }

    /** Sends the records under one key at once (as a burst, in order) and waits for the last acknowledgement. */
    public static void send(String topic, String key, List<String> values) {
        send(values.stream().map(value -> new ProducerRecord<>(topic, key, value)).toList());
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            Future<RecordMetadata> last = null;
            for (ProducerRecord<String, String> record : records) {
                last = producer.send(record);
            }
            if (last != null) {
                last.get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + records.get(0).topic(), e);
        }
    }
}
