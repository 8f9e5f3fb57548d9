package com.stadium.quota.allocation.inventory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * This instance's own consumer group of {@code inventory-changes} (a random name per start, offsets never committed):
 * nobody joins it again, so the instance deletes it when it stops instead of leaving an empty group per start behind.
 * After a crash the broker's own clean-up removes it (an empty group without offsets, at the next
 * {@code offsets.retention.check.interval.ms}, 10 minutes by default).
 */
@ApplicationScoped
public class InstanceGroup {

    private static final Logger LOG = Logger.getLogger(InstanceGroup.class);

    /** How long the delete waits for the group to empty (the consumer's leave), and for the broker to answer. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "mp.messaging.incoming.inventory-changes.group.id")
    String group;

    /** Runs after the Kafka connector closed its consumers (its observer has priority 50), so the group is empty. */
    void stopped(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        delete(group);
    }

    public String name() {
        return group;
    }

    /** Deletes the group once it has no member left; true when it is gone (or never was). */
    boolean delete(String name) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        Admin kafka = Admin.create(config);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (true) {
                try {
                    kafka.deleteConsumerGroups(List.of(name)).all().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.infof("consumer group %s deleted", name);
                    return true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof GroupIdNotFoundException) {
                        return true;
                    }
                    if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("consumer group %s not deleted (%s); Kafka removes it once it is empty", name,
                    e.getCause() != null ? e.getCause().getMessage() : e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            kafka.close(Duration.ofSeconds(1));
        }
    }
}
