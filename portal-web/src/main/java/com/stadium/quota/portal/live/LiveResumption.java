package com.stadium.quota.portal.live;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The quota-events consumer's partitions (named in the channel's config): this instance's group commits nothing, so
 * each assignment starts at the newest record and what came before it was never read here; the hub starts over.
 */
@ApplicationScoped
@Identifier(LiveResumption.NAME)
public class LiveResumption implements KafkaConsumerRebalanceListener {

    static final String NAME = "portal-live";

    @Inject
    LiveHub hub;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            // resolve the starting offsets now: an event written after this point is read, one before is refreshed
            partitions.forEach(consumer::position);
            hub.resumed();
        }
    }
}
