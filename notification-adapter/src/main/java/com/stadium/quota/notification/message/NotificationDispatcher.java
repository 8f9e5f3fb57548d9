package com.stadium.quota.notification.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.stadium.quota.messaging.drain.Drain;
import com.stadium.quota.notification.email.EmailSender;
import com.stadium.quota.notification.email.UnknownMessageKind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Sends the notifications that are due. Rows are locked with SKIP LOCKED, so several instances share the work
 * and never send one message twice.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 20;

    @Inject
    EntityManager entityManager;

    @Inject
    EmailSender email;

    @ConfigProperty(name = "suite.delivery.max-attempts")
    int maxAttempts;

    @ConfigProperty(name = "suite.delivery.first-retry-delay")
    Duration firstRetryDelay;

    private RetryPolicy retries;
    private Drain drain;

    @PostConstruct
    void start() {
        retries = new RetryPolicy(maxAttempts, firstRetryDelay);
        drain = new Drain("notification-dispatcher", this::sendDue);
    }

    @PreDestroy
    void stop() {
        drain.close();
    }

    void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        drain.wakeUpAfterCommit(transactions);
    }

    @Scheduled(every = "${suite.delivery.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain.wakeUp();
    }

    /** Sends one batch of due notifications; returns true when a full batch suggests more are due. */
    boolean sendDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Notification> due = entityManager.createNativeQuery("""
                    select * from notification
                     where status = 'PENDING' and next_attempt_at <= now()
                     order by next_attempt_at
                     limit ?1
                     for update skip locked""", Notification.class)
                    .setParameter(1, BATCH)
                    .getResultList();
            for (Notification notification : due) {
                deliver(notification);
            }
            return due.size() == BATCH;
        });
    }

    private void deliver(Notification notification) {
        Instant now = Instant.now();
        try {
            email.send(notification);
            notification.sent(now);
        } catch (UnknownMessageKind e) {
            notification.undeliverable(e.getMessage());
            LOG.errorf("notification %s cannot be sent: %s", notification.id, e.getMessage());
        } catch (RuntimeException e) {
            notification.failed(String.valueOf(e.getMessage()), now, retries);
            LOG.warnf("notification %s to %s failed (attempt %d): %s", notification.id,
                    notification.recipientEmail, notification.attempts, e.getMessage());
        }
    }
}
