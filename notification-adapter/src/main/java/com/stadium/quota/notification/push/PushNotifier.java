package com.stadium.quota.notification.push;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.notification.email.ClubConfig;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Pushes a mailed message to the recipient's devices, for the kinds a holder wants on the phone. */
@ApplicationScoped
public class PushNotifier {

    /**
     * A test message is an admin's mail check; a re-assigned ticket's two notices go to attendees, not holders (their
     * devices are registered by holders); everything else concerns the holder's tickets.
     */
    static final Set<NotificationKind> PUSHED = Set.of(NotificationKind.QUOTA_INVITATION,
            NotificationKind.SUBQUOTA_INVITATION, NotificationKind.CLAIM_CONFIRMATION,
            NotificationKind.SUBQUOTA_RETRACTED, NotificationKind.QUOTA_CANCELLED,
            NotificationKind.EXPIRATION_REMINDER);

    @Inject
    ClubConfig club;

    @Inject
    ObjectMapper json;

    @Inject
    PushDispatcher dispatcher;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    /**
     * Stores one push per device of the recipient, in the transaction that marks the mail sent; they go out after
     * the commit. The mail's subject is the body, in the mail's language.
     */
    public void accompany(String email, String kind, String quotaId, UUID notificationId, String locale,
            String subject) {
        NotificationKind pushed = NotificationKind.of(kind).filter(PUSHED::contains).orElse(null);
        if (pushed == null) {
            return;
        }
        List<Device> devices = Device.of(email);
        if (devices.isEmpty()) {
            return;
        }
        PushContent content = PushContent.of(kind, quotaId, notificationId, title(pushed, texts(locale)), subject,
                club.portalUrl());
        Instant now = clock.instant();
        for (Device device : devices) {
            PushDelivery.pending(notificationId, device, content, now, json).persist();
        }
        dispatcher.wakeUpAfterCommit(transactions);
    }

    private static String title(NotificationKind kind, PushTexts texts) {
        return switch (kind) {
            case QUOTA_INVITATION -> texts.quotaInvitation();
            case SUBQUOTA_INVITATION -> texts.subquotaInvitation();
            case CLAIM_CONFIRMATION -> texts.claimConfirmation();
            case SUBQUOTA_RETRACTED -> texts.subquotaRetracted();
            case QUOTA_CANCELLED -> texts.quotaCancelled();
            case EXPIRATION_REMINDER -> texts.expirationReminder();
            case TEST_MESSAGE, TICKET_REASSIGNED, ATTENDEE_REPLACED -> throw new IllegalArgumentException(
                    kind + " is never pushed");
        };
    }

    /** The titles in the request's language when a bundle exists for it, English otherwise (as the mail). */
    private static PushTexts texts(String languageTag) {
        String language = Locale.forLanguageTag(languageTag == null ? "" : languageTag).getLanguage();
        try {
            return MessageBundles.get(PushTexts.class, Localized.Literal.of(language));
        } catch (IllegalStateException noBundle) {
            return MessageBundles.get(PushTexts.class);
        }
    }
}
