package com.stadium.quota.notification.email;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.notification.message.Notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Renders a notification with its kind's template (HTML and text) and sends it over SMTP. */
@ApplicationScoped
public class EmailSender {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };
    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ClubConfig club;

    @Inject
    ObjectMapper json;

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance testMessage(ClubConfig club, String recipientName, String note);
    }

    /** Sends it or throws: {@link UnknownMessageKind} when there is no template, any other exception to retry. */
    public void send(Notification notification) {
        Map<String, String> data = readData(notification.data);
        MailTemplateInstance mail = switch (notification.kind) {
            case "TEST_MESSAGE" -> Templates.testMessage(club, notification.recipientName, data.getOrDefault("note", ""))
                    .mail(envelope(notification))
                    .subject("Test message from " + club.name());
            default -> throw new UnknownMessageKind(notification.kind);
        };
        mail.to(notification.recipientEmail).send().await().atMost(SMTP_TIMEOUT);
    }

    /** The id header lets a mailbox (and a test) tie a message to its notification. */
    private static Mail envelope(Notification notification) {
        return new Mail().addHeader("X-Notification-Id", notification.id.toString());
    }

    private Map<String, String> readData(String data) {
        try {
            return json.readValue(data, DATA);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored template data is not a JSON object", e);
        }
    }
}
