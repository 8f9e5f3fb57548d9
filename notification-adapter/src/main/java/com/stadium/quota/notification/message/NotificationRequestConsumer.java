package com.stadium.quota.notification.message;

import java.time.Clock;
import java.time.Instant;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.inbox.Inbox;
import com.stadium.quota.web.ConnectionLoss;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Takes notification requests off Kafka (version 2, or version 1 converted) and stores each one once; the
 * dispatcher sends them. A message that is not a valid request of a known version and kind fails here and goes to
 * the dead-letter topic with the reason. Observers of
 * {@link NotificationReceived} (the expiration reminders) act in the same transaction.
 */
@ApplicationScoped
public class NotificationRequestConsumer {

    private static final Logger LOG = Logger.getLogger(NotificationRequestConsumer.class);
    static final String CONSUMER = "notification-adapter";

    @Inject
    ObjectMapper json;

    @Inject
    Inbox inbox;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<NotificationReceived> received;

    @Inject
    Clock clock;

    @Incoming("notification-requests")
    @Blocking
    public void receive(String message) {
        // a database outage must not send a good message to the dead-letter topic
        ConnectionLoss.retried(() -> QuarkusTransaction.requiringNew().run(() -> apply(message)));
    }

    private void apply(String message) {
        EventEnvelope envelope = EventEnvelope.parse(message, json);
        if (!envelope.is(NotificationRequested.TYPE)) {
            LOG.debugf("ignoring %s on notification-requests", envelope.type());
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, envelope.id())) {
            LOG.debugf("notification %s already received", envelope.id());
            return;
        }
        // a version, kind or content this adapter cannot send is refused here, so it goes to the dead letters
        NotificationRequested request = NotificationRequested.from(envelope, json);
        Instant now = clock.instant();
        Notification.pending(envelope.id(), request, now, json).persist();
        received.fire(new NotificationReceived(envelope.id(), request, now));
        dispatcher.wakeUpAfterCommit(transactions);
    }
}
