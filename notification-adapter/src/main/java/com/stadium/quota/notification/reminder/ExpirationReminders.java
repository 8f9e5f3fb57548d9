package com.stadium.quota.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.notification.config.NotificationConfig;
import com.stadium.quota.notification.message.Notification;
import com.stadium.quota.notification.message.NotificationDispatcher;
import com.stadium.quota.notification.message.NotificationReceived;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Schedules an expiration reminder from each invitation, keeps it current from later requests about the same quota
 * and recipient ({@code unclaimedTickets}, cancellation, retraction), and turns due reminders into notifications.
 */
@ApplicationScoped
public class ExpirationReminders {

    private static final Logger LOG = Logger.getLogger(ExpirationReminders.class);
    private static final int BATCH = 50;
    private static final String REQUESTED_BY = "notification-adapter";

    @Inject
    NotificationConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    private ReminderRules rules;

    @PostConstruct
    void start() {
        rules = new ReminderRules(config.reminder().leadTime());
    }

    /** In the transaction that stores the request; bad reminder data costs the reminder, never the message. */
    void onReceived(@Observes NotificationReceived received) {
        NotificationRequested request = received.request();
        if (request.quotaId() == null) {
            return;
        }
        try {
            update(request, received.receivedAt());
        } catch (IllegalArgumentException e) {
            LOG.warnf("no expiration reminder from notification %s: %s", received.notificationId(), e.getMessage());
        }
    }

    private void update(NotificationRequested request, Instant receivedAt) {
        Notice notice = request.notice();
        ExpirationReminder reminder = ExpirationReminder
                .findById(ExpirationReminder.idOf(request.quotaId(), request.recipientEmail()));
        if (notice instanceof Notice.Invitation invitation) {
            // one without an expiration date has none to remind of
            if (invitation.expiresAt() != null) {
                schedule(reminder, request, invitation, receivedAt);
            }
        } else if (notice instanceof Notice.QuotaCancelled || notice instanceof Notice.SubquotaRetracted) {
            if (reminder != null) {
                reminder.cancel();
            }
        } else if (notice instanceof Notice.ExpirationReminder) {
            // another service reminded them already: never twice
            if (reminder != null && reminder.status == ReminderStatus.SCHEDULED) {
                reminder.status = ReminderStatus.SENT;
            }
        } else if (reminder != null && notice.unclaimed() != null) {
            reminder.unclaimedTickets = notice.unclaimed();
            if (reminder.unclaimedTickets == 0) {
                reminder.cancel();
            }
        }
    }

    /** A (re-sent) invitation arms the reminder, unless it was sent already for the same expiration date. */
    private void schedule(ExpirationReminder reminder, NotificationRequested request, Notice.Invitation invited,
            Instant receivedAt) {
        Instant expiresAt = invited.expiresAt();
        Optional<Instant> due = rules.dueAt(receivedAt, expiresAt);
        if (reminder == null) {
            if (due.isEmpty()) {
                return;
            }
            reminder = new ExpirationReminder();
            reminder.id = ExpirationReminder.idOf(request.quotaId(), request.recipientEmail());
            reminder.quotaId = request.quotaId();
        }
        boolean alreadySent = reminder.status == ReminderStatus.SENT && expiresAt.equals(reminder.expiresAt);
        reminder.recipientEmail = request.recipientEmail().trim();
        reminder.recipientName = request.recipientName() == null || request.recipientName().isBlank()
                ? reminder.recipientEmail : request.recipientName().trim();
        reminder.locale = request.locale();
        reminder.deeplinkToken = invited.deeplinkToken();
        reminder.matches = write(invited.matches());
        reminder.expiresAt = expiresAt;
        reminder.dueAt = due.orElse(expiresAt);
        reminder.unclaimedTickets = invited.unclaimedTickets() == null ? invited.ticketCount()
                : invited.unclaimedTickets();
        reminder.status = alreadySent ? ReminderStatus.SENT
                : due.isPresent() ? ReminderStatus.SCHEDULED : ReminderStatus.CANCELLED;
        reminder.persist();
    }

    private String write(List<Notice.Match> matches) {
        try {
            return json.writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("matches cannot be written as JSON", e);
        }
    }

    @Scheduled(every = "${suite.reminder.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<ExpirationReminder> due = entityManager.createNativeQuery("""
                    select * from expiration_reminder
                     where status = 'SCHEDULED' and due_at <= ?1
                     order by due_at
                     limit ?2
                     for update skip locked""", ExpirationReminder.class)
                    .setParameter(1, now)
                    .setParameter(2, BATCH)
                    .getResultList();
            boolean sent = false;
            for (ExpirationReminder reminder : due) {
                if (!rules.worthSending(now, reminder.expiresAt, reminder.unclaimedTickets)) {
                    reminder.status = ReminderStatus.CANCELLED;
                    continue;
                }
                reminder.notificationId = reminder.reminderNotificationId();
                Notification.pending(reminder.notificationId, request(reminder), now, json).persist();
                reminder.status = ReminderStatus.SENT;
                sent = true;
            }
            if (sent) {
                dispatcher.wakeUpAfterCommit(transactions);
            }
        });
    }

    private NotificationRequested request(ExpirationReminder reminder) {
        return new NotificationRequested(reminder.recipientEmail, reminder.recipientName, reminder.locale,
                reminder.quotaId, REQUESTED_BY, new Notice.ExpirationReminder(reminder.deeplinkToken,
                        NotificationData.readMatches(reminder.matches, json), reminder.expiresAt,
                        reminder.unclaimedTickets));
    }
}
