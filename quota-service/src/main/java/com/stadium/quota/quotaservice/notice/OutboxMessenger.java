package com.stadium.quota.quotaservice.notice;

import java.util.UUID;

import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The {@link Messenger} of the suite: a {@code notification.requested} v2 in the outbox, keyed by the recipient's
 * email (one person's messages stay in order), in the language stored for the recipient.
 */
@ApplicationScoped
public class OutboxMessenger implements Messenger {

    @Inject
    Outbox outbox;

    @Inject
    HolderLocales locales;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID send(MessageToPerson message, String actor) {
        String aggregate = message.quotaId() == null ? message.recipientEmail() : message.quotaId().toString();
        return outbox.publish(new NotificationRequested(message.recipientEmail(), message.recipientName(),
                locales.of(message.recipientEmail()), message.quotaId() == null ? null : message.quotaId().toString(),
                actor, message.notice()), aggregate, message.recipientEmail()).id();
    }
}
