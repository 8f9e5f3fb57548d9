package com.stadium.quota.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.awaitility.core.ConditionTimeoutException;

import com.stadium.quota.testing.TestStack;

/**
 * The Kafka consumer groups the services' instances share. A service is ready (HTTP, broker connected) before its
 * consumers have joined their groups; a join rebalances the group and stops every member's partitions meanwhile, so
 * a test that starts right then sees its message wait (TwoOfEachIT saw a quota unallocated for 15 s in CI).
 */
final class ConsumerGroups {

    /** Members one instance brings to each shared group (one per channel reading it). */
    private static final Map<String, Integer> PER_INSTANCE = Map.of("allocation-service", 2, "quota-service", 1,
            "quota-service-match-catalog", 1, "notification-adapter", 1);

    private ConsumerGroups() {
    }

    /** Waits until every shared group is stable with the members of {@code instances} instances of each service. */
    static void awaitSettled(int instances) {
        Map<String, String> seen = new TreeMap<>();
        try (Admin kafka = admin()) {
            await("consumer groups settled with " + instances + " instance(s) of each service")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                        Map<String, ConsumerGroupDescription> groups = kafka.describeConsumerGroups(
                                PER_INSTANCE.keySet()).all().get();
                        groups.forEach((name, g) -> seen.put(name, g.groupState() + " with " + g.members().size()));
                        return groups.entrySet().stream().allMatch(e -> e.getValue().groupState() == GroupState.STABLE
                                && e.getValue().members().size() == PER_INSTANCE.get(e.getKey()) * instances);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("consumer groups not settled with " + instances + " instance(s) of each"
                    + " service within 60 s, members expected per instance " + PER_INSTANCE + ", last seen " + seen, e);
        }
    }

    /** allocation-service's members holding partitions of allocation-requests, as soon as {@code settled} holds. */
    static Map<String, Set<Integer>> awaitAllocationOwners(int partitions,
            Predicate<Map<String, Set<Integer>>> settled) {
        try (Admin kafka = admin()) {
            return await("allocation-requests' owners settled").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        Map<String, Set<Integer>> owners = new TreeMap<>();
                        kafka.describeConsumerGroups(List.of("allocation-service")).describedGroups()
                                .get("allocation-service").get().members().forEach(m -> m.assignment()
                                        .topicPartitions().stream().filter(p -> p.topic().equals("allocation-requests"))
                                        .forEach(p -> owners.computeIfAbsent(m.consumerId(), c -> new TreeSet<>())
                                                .add(p.partition())));
                        return owners.values().stream().mapToInt(Set::size).sum() == partitions ? owners : null;
                    }, owners -> owners != null && settled.test(owners));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", TestStack.kafkaBootstrap()));
    }
}
