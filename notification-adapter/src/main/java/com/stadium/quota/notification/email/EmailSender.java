package com.stadium.quota.notification.email;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.notification.message.Notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Renders a notification with its kind's template (HTML and text, in the recipient's language) and sends it over
 * SMTP. Every value from the request is escaped in the HTML part by the templates.
 */
@ApplicationScoped
public class EmailSender {

    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ClubConfig club;

    @Inject
    ObjectMapper json;

    private MessageViews views;

    /** One template per kind, all with the same data. */
    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance quotaInvitation(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance subquotaInvitation(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance claimConfirmation(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance subquotaRetracted(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance quotaCancelled(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance expirationReminder(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance testMessage(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance ticketReassigned(ClubConfig club, String recipientName, MessageView view);

        static native MailTemplateInstance attendeeReplaced(ClubConfig club, String recipientName, MessageView view);
    }

    /** What went out: the subject, for the push that accompanies the mail. */
    public record SentMail(String subject) {
    }

    @PostConstruct
    void start() {
        views = new MessageViews(club.portalUrl(), club.timeZone());
    }

    /** Sends it or throws: {@link Undeliverable} when it can never be sent, any other exception to retry. */
    public SentMail send(Notification notification) {
        Notice notice;
        try {
            notice = notification.notice(json);
        } catch (IllegalArgumentException e) {
            throw new Undeliverable(e.getMessage(), e);
        }
        NotificationKind kind = notice.kind();
        Language language = Language.of(notification.locale);
        MailMessages text = language.text();
        MessageView view = views.view(notice, language.locale());
        String subject = switch (kind) {
            case QUOTA_INVITATION -> text.quotaInvitationSubject(club.name());
            case SUBQUOTA_INVITATION -> text.subquotaInvitationSubject(view.senderName());
            case CLAIM_CONFIRMATION -> text.claimConfirmationSubject();
            case SUBQUOTA_RETRACTED -> text.subquotaRetractedSubject(view.senderName());
            case QUOTA_CANCELLED -> text.quotaCancelledSubject(club.name());
            case EXPIRATION_REMINDER -> text.expirationReminderSubject(view.expiresOn());
            case TEST_MESSAGE -> text.testMessageSubject(club.name());
            case TICKET_REASSIGNED -> text.ticketReassignedSubject(view.senderName());
            case ATTENDEE_REPLACED -> text.attendeeReplacedSubject();
        };
        MailTemplateInstance mail = switch (kind) {
            case QUOTA_INVITATION -> Templates.quotaInvitation(club, notification.recipientName, view);
            case SUBQUOTA_INVITATION -> Templates.subquotaInvitation(club, notification.recipientName, view);
            case CLAIM_CONFIRMATION -> Templates.claimConfirmation(club, notification.recipientName, view);
            case SUBQUOTA_RETRACTED -> Templates.subquotaRetracted(club, notification.recipientName, view);
            case QUOTA_CANCELLED -> Templates.quotaCancelled(club, notification.recipientName, view);
            case EXPIRATION_REMINDER -> Templates.expirationReminder(club, notification.recipientName, view);
            case TEST_MESSAGE -> Templates.testMessage(club, notification.recipientName, view);
            case TICKET_REASSIGNED -> Templates.ticketReassigned(club, notification.recipientName, view);
            case ATTENDEE_REPLACED -> Templates.attendeeReplaced(club, notification.recipientName, view);
        };
        // the id header lets a mailbox (and a test) tie a message to its notification
        mail.mail(new Mail().addHeader("X-Notification-Id", notification.id.toString())
                .addHeader("Message-ID", messageId(notification.id)));
        for (MessageView.TicketLine ticket : view.tickets()) {
            mail.addInlineAttachment(ticket.reference() + ".png", QrCodes.png(ticket.qr()), "image/png",
                    "<" + ticket.contentId() + ">");
        }
        mail.setAttribute(MessageBundles.ATTRIBUTE_LOCALE, language.locale())
                .subject(subject)
                .to(notification.recipientEmail)
                .send().await().atMost(SMTP_TIMEOUT);
        return new SentMail(subject);
    }

    /**
     * The mail's RFC 5322 Message-ID, the same on every send of one notification: a copy re-sent after a crash
     * (SMTP has no transaction) is the same message to a mailbox that drops a repeated id. Vert.x mail keeps a
     * Message-ID header it is given instead of generating one.
     */
    public static String messageId(UUID notificationId) {
        return "<" + notificationId + "@quota-suite>";
    }

    /** The language a message is written in, and its texts. */
    record Language(Locale locale, MailMessages text) {

        /** The request's language when a message bundle exists for it, English otherwise. */
        static Language of(String languageTag) {
            String language = Locale.forLanguageTag(languageTag == null ? "" : languageTag).getLanguage();
            try {
                return new Language(Locale.forLanguageTag(language),
                        MessageBundles.get(MailMessages.class, Localized.Literal.of(language)));
            } catch (IllegalStateException noBundle) {
                return new Language(Locale.ENGLISH, MessageBundles.get(MailMessages.class));
            }
        }
    }
}
