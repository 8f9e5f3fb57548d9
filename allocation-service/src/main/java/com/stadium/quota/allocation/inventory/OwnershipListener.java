package com.stadium.quota.allocation.inventory;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.stadium.quota.messaging.contract.Topics;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Follows the consumer group's rebalances (named in the channels' config): a partition of {@code allocation-requests}
 * given to this instance drops the views of its matches, so they are read again from PostgreSQL before the first
 * request of the partition is answered (another instance wrote them meanwhile); {@code inventory-changes} assigned
 * means this instance hears of other instances' writes from now on, so every view read before is dropped. Every
 * consumer's assignment, even of no partition, tells {@link MatchOwnership} when the instance has joined its groups.
 */
@ApplicationScoped
@Identifier(OwnershipListener.NAME)
public class OwnershipListener implements KafkaConsumerRebalanceListener {

    static final String NAME = "allocation-ownership";
    private static final Logger LOG = Logger.getLogger(OwnershipListener.class);

    @Inject
    MatchOwnership ownership;

    @Inject
    Inventory inventory;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<Integer> requests = numbers(partitions, Topics.ALLOCATION_REQUESTS);
        if (!requests.isEmpty()) {
            ownership.assigned(requests, consumer.partitionsFor(Topics.ALLOCATION_REQUESTS).size());
            inventory.forgetIf(matchId -> ownership.onAny(matchId, requests));
            LOG.infof("allocation-requests partitions %s assigned; their matches' views are read again", requests);
        }
        List<TopicPartition> changes = partitions.stream()
                .filter(p -> p.topic().equals(Topics.INVENTORY_CHANGES)).toList();
        if (!changes.isEmpty()) {
            // resolve the starting offsets now: a change written after this point is read, one before is covered below
            changes.forEach(consumer::position);
            ownership.listening(true);
            inventory.forgetIf(matchId -> true);
        }
        ownership.holding(consumer.subscription(), true);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        taken(consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        taken(consumer, partitions);
    }

    private void taken(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            ownership.holding(consumer.subscription(), false);
        }
        List<Integer> requests = numbers(partitions, Topics.ALLOCATION_REQUESTS);
        if (!requests.isEmpty()) {
            ownership.revoked(requests);
            inventory.forgetIf(matchId -> ownership.onAny(matchId, requests));
            LOG.infof("allocation-requests partitions %s revoked", requests);
        }
        if (partitions.stream().anyMatch(p -> p.topic().equals(Topics.INVENTORY_CHANGES))) {
            ownership.listening(false);
        }
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions, String topic) {
        return partitions.stream().filter(p -> p.topic().equals(topic)).map(TopicPartition::partition).toList();
    }
}
