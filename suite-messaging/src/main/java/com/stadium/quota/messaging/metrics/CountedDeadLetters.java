package com.stadium.quota.messaging.metrics;

import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * SmallRye's dead-letter-queue failure strategy, counted: {@code suite_dead_letters_total{channel}} goes up once the
 * refused record is on the channel's dead-letter topic. A channel opts in with
 * {@code failure-strategy=dead-letter-queue-counted}; the {@code dead-letter-queue.*} settings stay as SmallRye reads
 * them. It sits on the failure handler because that is the one place both kinds of dead letter pass: a record whose
 * method threw, and a record nacked out of a poll (allocation-requests), which the messaging binder never sees.
 */
@ApplicationScoped
@Identifier(CountedDeadLetters.STRATEGY)
public class CountedDeadLetters implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-queue-counted";

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    @Inject
    MeterRegistry registry;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        // declared at start, so an alert reads 0 rather than nothing before the first dead letter
        Counter written = Counter.builder("suite.dead.letters")
                .description("Records a consumer refused and wrote to the channel's dead-letter topic")
                .tag("channel", config.getChannel()).register(registry);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return handler.handle(record, reason, metadata).invoke(() -> written.increment());
            }

            @Override
            public void terminate() {
                handler.terminate();
            }
        };
    }
}
