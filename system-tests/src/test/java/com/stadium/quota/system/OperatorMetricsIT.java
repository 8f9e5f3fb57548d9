package com.stadium.quota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Metrics;

/**
 * What an operator's alerts read from the four packaged services (README "Operating the suite"): the lag of every
 * topic a service consumes, and a dead-letter count for every channel that has a dead-letter topic.
 */
@ExtendWith(RunningSuite.class)
class OperatorMetricsIT {

    /** The topics each service consumes (its @Incoming channels, named as their topics). */
    private static final Map<Service, List<String>> CONSUMED = Map.of(
            Service.PORTAL, List.of("quota-events"),
            Service.QUOTA, List.of("allocation-results", "match-catalog"),
            Service.ALLOCATION, List.of("allocation-requests", "seat-releases"),
            Service.NOTIFICATION, List.of("notification-requests"));

    @Test
    void everyConsumedTopicHasItsLagAndEveryDeadLetterTopicItsCount() {
        // Micrometer looks for new Kafka client metrics once a minute, so a partition assigned after the service
        // started shows within a minute and a bit
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Map.Entry<Service, List<String>> consumer : CONSUMED.entrySet()) {
                Metrics metrics = Metrics.scrape(consumer.getKey().metricsUrl());
                for (String topic : consumer.getValue()) {
                    assertThat(metrics.count("kafka_consumer_fetch_manager_records_lag", "topic=\"" + topic + "\""))
                            .as("partitions of %s with a lag on %s", topic, consumer.getKey().module)
                            .isPositive();
                }
            }
        });
        for (Map.Entry<Service, List<String>> consumer : CONSUMED.entrySet()) {
            Metrics metrics = Metrics.scrape(consumer.getKey().metricsUrl());
            for (String channel : consumer.getValue()) {
                // portal-web skips an unreadable quota event (a page update), it has no dead-letter topic
                boolean deadLetterTopic = consumer.getKey() != Service.PORTAL;
                assertThat(metrics.count("suite_dead_letters_total", "channel=\"" + channel + "\""))
                        .as("dead-letter counters of %s on %s", channel, consumer.getKey().module)
                        .isEqualTo(deadLetterTopic ? 1 : 0);
            }
        }
    }
}
