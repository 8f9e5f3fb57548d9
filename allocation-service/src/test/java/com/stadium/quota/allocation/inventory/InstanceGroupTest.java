package com.stadium.quota.allocation.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TestStack;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Each start reads inventory-changes in a consumer group of its own; the stop deletes it, so restarts leave no
 * empty groups behind. A plain consumer in a group named the same way plays an instance that stops.
 */
@QuarkusTest
class InstanceGroupTest {

    @Inject
    InstanceGroup group;

    static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", TestStack.kafkaBootstrap()));
    }

    static Set<String> groups(Admin kafka) throws Exception {
        return kafka.listGroups().all().get(10, TimeUnit.SECONDS).stream().map(GroupListing::groupId)
                .collect(Collectors.toSet());
    }

    @Test
    void theGroupDeletedAtTheStopIsTheOneThisInstanceReadsChangesIn() throws Exception {
        assertThat(group.name()).startsWith("allocation-service-inventory-");
        try (Admin kafka = admin()) {
            ConsumerGroupDescription running = await("this instance's consumer in its group")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> kafka.describeConsumerGroups(List.of(group.name())).all().get(10, TimeUnit.SECONDS)
                            .get(group.name()), g -> g.groupState() == GroupState.STABLE);
            assertThat(running.members()).singleElement().satisfies(member -> assertThat(member.assignment()
                    .topicPartitions()).isNotEmpty().allMatch(p -> p.topic().equals(Topics.INVENTORY_CHANGES)));
        }
    }

    @Test
    void aStoppingInstancesGroupIsDeletedOnceItsConsumerLeft() throws Exception {
        String name = "allocation-service-inventory-" + UUID.randomUUID();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> instance = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        instance.subscribe(List.of(Topics.INVENTORY_CHANGES));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (instance.assignment().isEmpty() && System.nanoTime() < deadline) {
            instance.poll(Duration.ofMillis(100));
        }
        try (Admin kafka = admin()) {
            assertThat(groups(kafka)).as("the instance's group while it runs").contains(name);
            // the delete may start while the consumer still leaves, as at a stop: it waits for the group to empty
            CompletableFuture<Boolean> deleted = CompletableFuture.supplyAsync(() -> group.delete(name));
            instance.close();
            assertThat(deleted.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(groups(kafka)).as("nothing left behind").doesNotContain(name);
        }
    }
}
