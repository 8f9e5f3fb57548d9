package com.stadium.quota.notification.message;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationFailed;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.messaging.trace.TraceContext;
import com.stadium.quota.notification.email.EmailSender;
import com.stadium.quota.notification.email.EmailSender.SentMail;
import com.stadium.quota.notification.email.Undeliverable;
import com.stadium.quota.notification.push.PushNotifier;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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

    @Inject
    Tracer tracer;

    @Inject
    MailMetrics mails;

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
        // the send joins the trace of the request that asked for it (quota creation, claim, ...)
        Span span = tracer.spanBuilder("smtp send")
                .setParent(new TraceContext(notification.traceParent, notification.traceState).asParent())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("suite.notification.id", notification.id.toString())
                .setAttribute("suite.notification.kind", notification.kind)
                .setAttribute("suite.notification.attempt", notification.delivery.attempts + 1)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            deliverTraced(notification, span);
        } finally {
            span.end();
        }
    }

    private void deliverTraced(Notification notification, Span span) {
        Instant now = clock.instant();
        SentMail mail;
        try {
            mail = email.send(notification);
        } catch (Undeliverable e) {
            notification.undeliverable(e.getMessage());
            span.setStatus(StatusCode.ERROR, "undeliverable");
            LOG.errorf("notification %s cannot be sent: %s", notification.id, e.getMessage());
            mails.failed();
            deadLetter(notification);
            return;
        } catch (RuntimeException e) {
            boolean retrying = notification.failed(String.valueOf(e.getMessage()), now, retries);
            span.setStatus(StatusCode.ERROR, retrying ? "will retry" : "gave up");
            LOG.warnf("notification %s to %s failed (attempt %d): %s", notification.id,
                    notification.recipientEmail, notification.delivery.attempts, e.getMessage());
            if (retrying) {
                mails.retried();
            } else {
                mails.failed();
                deadLetter(notification);
            }
            return;
        }
        notification.sent(now);
        mails.sent();
        push.accompany(notification.recipientEmail, notification.kind, notification.quotaId, notification.id,
                notification.locale, mail.subject());
    }

    /** In the transaction that marks it FAILED, so the dead letter and the status never disagree. */
    private void deadLetter(Notification notification) {
        outbox.publish(new NotificationFailed(notification.id, notification.request(json),
                notification.delivery.attempts, notification.delivery.lastError), notification.id.toString(),
                notification.recipientEmail);
    }
}
