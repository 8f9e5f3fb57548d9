package com.stadium.quota.notification.push;

import java.time.Clock;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.notification.message.DueRows;
import com.stadium.quota.notification.message.RetryPolicy;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Sends the pushes that are due, each through its device's provider, with the mail's retry policy. A device whose
 * push service says the subscription has ended (404, 410) is forgotten. Rows are locked with SKIP LOCKED, so
 * instances share the work.
 */
@ApplicationScoped
public class PushDispatcher {

    private static final Logger LOG = Logger.getLogger(PushDispatcher.class);

    @Inject
    EntityManager entityManager;

    @Inject
    PushProviders providers;

    @Inject
    ObjectMapper json;

    @Inject
    RetryPolicy retries;

    @Inject
    Clock clock;

    private DueRows<PushDelivery> due;

    @PostConstruct
    void start() {
        due = new DueRows<>("push-dispatcher", "push_delivery", PushDelivery.class, entityManager, this::deliver);
    }

    @PreDestroy
    void stop() {
        due.close();
    }

    void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        due.wakeUpAfterCommit(transactions);
    }

    @Scheduled(every = "${suite.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        due.wakeUp();
    }

    private void deliver(PushDelivery push) {
        Device device = Device.findById(push.deviceToken);
        // the phone may have changed hands since: never show one holder's message to another
        if (device == null || !device.email.equals(push.recipientEmail)) {
            push.gone("the device is no longer registered for the recipient");
            return;
        }
        PushMessage message = new PushMessage(device.token, device.platform, device.subscription(), push.title,
                push.body, push.data(json));
        try {
            if (providers.of(device.platform).send(message) == PushProvider.Outcome.DELIVERED) {
                push.sent(clock.instant());
                return;
            }
            push.gone("the push service says the subscription has ended");
            // a query, not a removal: another instance may forget the same device at the same time
            Device.delete("token", device.token);
            entityManager.detach(device);
            LOG.infof("forgot %s device %s: its push service says the subscription has ended", device.platform,
                    device.token);
        } catch (RuntimeException e) {
            boolean retrying = push.failed(String.valueOf(e.getMessage()), clock.instant(), retries);
            LOG.warnf("push of notification %s to %s device %s failed (attempt %d%s): %s", push.notificationId,
                    device.platform, device.token, push.delivery.attempts, retrying ? "" : ", the last",
                    e.getMessage());
        }
    }
}
