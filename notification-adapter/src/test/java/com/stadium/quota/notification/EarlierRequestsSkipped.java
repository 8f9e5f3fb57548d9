package com.stadium.quota.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TestStack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Before the adapter under test starts, its consumer group is moved to the end of notification-requests: the shared
 * test stack's topic already holds the requests of quota-service's tests (a few hundred in a CI run), which this
 * adapter would otherwise mail first, while each test waits 30 s for its own.
 */
public class EarlierRequestsSkipped implements QuarkusTestResourceLifecycleManager {

    private static final String GROUP = "notification-adapter";

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.NOTIFICATION_REQUESTS))
                    .allTopicNames().get().get(Topics.NOTIFICATION_REQUESTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.NOTIFICATION_REQUESTS, p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(GROUP, ends).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not move " + GROUP + " to the end of "
                    + Topics.NOTIFICATION_REQUESTS + ": " + e.getCause().getMessage(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // nothing to undo
    }
}
