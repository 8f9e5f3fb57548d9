package com.stadium.quota.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /** One producer for the JVM: making one per record cost each send a connection and a producer id. */
    private static KafkaProducer<String, String> producer;

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            KafkaProducer<String, String> made = new KafkaProducer<>(config, new StringSerializer(),
                    new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> made.close(Duration.ofSeconds(5))));
            producer = made;
        }
        return producer;
    }

    /** After a failed send the next one starts with a new producer. */
    private static synchronized void forget(KafkaProducer<String, String> failed) {
        if (producer == failed) {
            producer = null;
            failed.close(Duration.ZERO);
        }
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        KafkaProducer<String, String> writer = producer();
        try {
            Future<RecordMetadata> last = null;
            for (ProducerRecord<String, String> record : records) {
                last = writer.send(record);
            }
            if (last != null) {
                last.get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            forget(writer);
            throw new IllegalStateException("could not write to " + records.get(0).topic(), e);
        }
    }
}
