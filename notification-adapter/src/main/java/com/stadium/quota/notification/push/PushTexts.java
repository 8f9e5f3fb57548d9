package com.stadium.quota.notification.push;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The titles of pushes, in English; a push's body is its mail's subject. Another language is a file
 * {@code src/main/resources/messages/push_<language>.properties} with the same keys, beside the mail's
 * {@code msg_<language>.properties}.
 */
@MessageBundle(value = "push", locale = "en")
public interface PushTexts {

    @Message("Tickets for you")
    String quotaInvitation();

    @Message("Tickets received")
    String subquotaInvitation();

    @Message("Claim confirmed")
    String claimConfirmation();

    @Message("Tickets taken back")
    String subquotaRetracted();

    @Message("Quota cancelled")
    String quotaCancelled();

    @Message("Tickets expire soon")
    String expirationReminder();
}
