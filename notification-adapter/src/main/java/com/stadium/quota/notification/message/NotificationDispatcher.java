package com.stadium.quota.notification.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.stadium.quota.messaging.drain.Drain;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationFailed;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.notification.email.EmailSender;
import com.stadium.quota.notification.email.EmailSender.SentMail;
import com.stadium.quota.notification.email.Undeliverable;
import com.stadium.quota.notification.push.PushNotifier;

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
 * and never send one message twice. A message given up on is published to the dead-letter topic; one that was
 * mailed is also pushed to the recipient's devices.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 20;

    @Inject
    EntityManager entityManager;

    @Inject
    EmailSender email;

    @Inject
    PushNotifier push;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

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

    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
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
        SentMail mail;
        try {
            mail = email.send(notification);
        } catch (Undeliverable e) {
            notification.undeliverable(e.getMessage());
            LOG.errorf("notification %s cannot be sent: %s", notification.id, e.getMessage());
            deadLetter(notification);
            return;
        } catch (RuntimeException e) {
            boolean retrying = notification.failed(String.valueOf(e.getMessage()), now, retries);
            LOG.warnf("notification %s to %s failed (attempt %d): %s", notification.id,
                    notification.recipientEmail, notification.attempts, e.getMessage());
            if (!retrying) {
                deadLetter(notification);
            }
            return;
        }
        notification.sent(now);
        push.accompany(notification.recipientEmail, notification.kind, notification.quotaId, notification.id,
                notification.locale, mail.subject());
    }

    /** In the transaction that marks it FAILED, so the dead letter and the status never disagree. */
    private void deadLetter(Notification notification) {
        outbox.publish(new NotificationFailed(notification.id, notification.request(json), notification.attempts,
                notification.lastError), notification.id.toString(), notification.recipientEmail);
    }
}
