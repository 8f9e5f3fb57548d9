package com.stadium.quota.notification.reminder;

import static com.stadium.quota.messaging.contract.NotificationData.DEEPLINK_TOKEN;
import static com.stadium.quota.messaging.contract.NotificationData.EXPIRES_AT;
import static com.stadium.quota.messaging.contract.NotificationData.MATCHES;
import static com.stadium.quota.messaging.contract.NotificationData.TICKET_COUNT;
import static com.stadium.quota.messaging.contract.NotificationData.UNCLAIMED_TICKETS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationKind;
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
        Optional<NotificationKind> kind = NotificationKind.of(request.kind());
        if (request.quotaId() == null || kind.isEmpty()) {
            return;
        }
        try {
            update(kind.get(), request, received.receivedAt());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warnf("no expiration reminder from notification %s: %s", received.notificationId(), e.getMessage());
        }
    }

    private void update(NotificationKind kind, NotificationRequested request, Instant receivedAt) {
        Map<String, String> data = request.data();
        ExpirationReminder reminder = ExpirationReminder
                .findById(ExpirationReminder.idOf(request.quotaId(), request.recipientEmail()));
        switch (kind) {
            case QUOTA_INVITATION, SUBQUOTA_INVITATION -> {
                // an invitation that lacks data is never sent, and one without an expiration date has none to remind of
                String expiresAt = data.get(EXPIRES_AT);
                if (kind.missingKeys(data).isEmpty() && expiresAt != null && !expiresAt.isBlank()) {
                    schedule(reminder, request, receivedAt);
                }
            }
            case QUOTA_CANCELLED, SUBQUOTA_RETRACTED -> {
                if (reminder != null) {
                    reminder.cancel();
                }
            }
            case EXPIRATION_REMINDER -> {
                // another service reminded them already: never twice
                if (reminder != null && reminder.status == ReminderStatus.SCHEDULED) {
                    reminder.status = ReminderStatus.SENT;
                }
            }
            default -> {
                String unclaimed = data.get(UNCLAIMED_TICKETS);
                if (reminder != null && unclaimed != null) {
                    reminder.unclaimedTickets = Integer.parseInt(unclaimed.trim());
                    if (reminder.unclaimedTickets == 0) {
                        reminder.cancel();
                    }
                }
            }
        }
    }

    /** A (re-sent) invitation arms the reminder, unless it was sent already for the same expiration date. */
    private void schedule(ExpirationReminder reminder, NotificationRequested request, Instant receivedAt) {
        Map<String, String> data = request.data();
        Instant expiresAt = Instant.parse(data.get(EXPIRES_AT).trim());
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
        reminder.deeplinkToken = data.get(DEEPLINK_TOKEN);
        reminder.matches = data.get(MATCHES);
        reminder.expiresAt = expiresAt;
        reminder.dueAt = due.orElse(expiresAt);
        reminder.unclaimedTickets = Integer.parseInt(
                data.getOrDefault(UNCLAIMED_TICKETS, data.get(TICKET_COUNT)).trim());
        reminder.status = alreadySent ? ReminderStatus.SENT
                : due.isPresent() ? ReminderStatus.SCHEDULED : ReminderStatus.CANCELLED;
        reminder.persist();
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

    private static NotificationRequested request(ExpirationReminder reminder) {
        return new NotificationRequested(NotificationKind.EXPIRATION_REMINDER.name(), reminder.recipientEmail,
                reminder.recipientName, reminder.locale, reminder.quotaId, REQUESTED_BY,
                Map.of(DEEPLINK_TOKEN, reminder.deeplinkToken, MATCHES, reminder.matches,
                        EXPIRES_AT, reminder.expiresAt.toString(),
                        UNCLAIMED_TICKETS, Integer.toString(reminder.unclaimedTickets)));
    }
}
