package com.stadium.quota.notification.message;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationFailed;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.notification.email.EmailSender;
import com.stadium.quota.notification.email.EmailSender.SentMail;
import com.stadium.quota.notification.email.Undeliverable;
import com.stadium.quota.notification.push.PushNotifier;

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

    @Inject
    RetryPolicy retries;

    @Inject
    Clock clock;

    private DueRows<Notification> due;

    @PostConstruct
    void start() {
        due = new DueRows<>("notification-dispatcher", "notification", Notification.class, entityManager,
                this::deliver);
    }

    @PreDestroy
    void stop() {
        due.close();
    }

    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        due.wakeUpAfterCommit(transactions);
    }

    @Scheduled(every = "${suite.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        due.wakeUp();
    }

    private void deliver(Notification notification) {
        Instant now = clock.instant();
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
