package com.stadium.quota.quotaservice.catalog;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.web.ConnectionLoss;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads match-catalog into the model. Every instance reads its partitions from the beginning whenever they are
 * assigned (the topic is compacted: about one announcement per match), so a lost or new model is rebuilt at start;
 * announcements it already has change nothing. One that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class MatchCatalogConsumer {

    private static final Logger LOG = Logger.getLogger(MatchCatalogConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    MatchCatalogModel model;

    @Incoming("match-catalog")
    @Blocking
    public void receive(String message) {
        // a database outage must not send a good message to the dead-letter topic
        ConnectionLoss.retried(() -> QuarkusTransaction.requiringNew().run(() -> apply(message)));
    }

    private void apply(String message) {
        EventEnvelope envelope = EventEnvelope.parse(message, json);
        if (!envelope.is(MatchAnnounced.TYPE)) {
            return;
        }
        MatchAnnounced match = envelope.payloadAs(MatchAnnounced.class, json);
        if (match.matchId() <= 0 || match.code() == null || match.name() == null || match.kickoff() == null
                || match.venueCode() == null || match.state() == null) {
            throw new IllegalArgumentException("announcement " + envelope.id()
                    + " lacks the match id, code, name, kick-off, venue or state");
        }
        if (model.keepNewest(match, envelope.time())) {
            LOG.debugf("match %s (%s) known at revision %s", Long.valueOf(match.matchId()), match.name(),
                    Long.valueOf(match.revision()));
        }
    }

    /** Named in the channel's configuration: reads the topic from its beginning on every assignment. */
    @ApplicationScoped
    @Identifier("match-catalog-from-the-beginning")
    public static class FromTheBeginning implements KafkaConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            consumer.seekToBeginning(partitions);
        }
    }
}
