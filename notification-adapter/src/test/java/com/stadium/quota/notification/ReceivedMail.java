package com.stadium.quota.notification;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import com.stadium.quota.testing.Mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A mail as the test stack's GreenMail received it, decoded into its parts. */
public final class ReceivedMail {

    private final MimeMessage message;

    private ReceivedMail(String mime) {
        try {
            message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every mail received for the address, oldest first. */
    public static List<ReceivedMail> all(String email) {
        return Mailbox.messagesFor(email).stream().map(m -> new ReceivedMail((String) m.get("mimeMessage"))).toList();
    }

    /** Waits for the first mail to the address. */
    public static ReceivedMail awaitFirst(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Mailbox.messagesFor(email).isEmpty());
        return all(email).get(0);
    }

    public String subject() throws MessagingException {
        return message.getSubject();
    }

    public String header(String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    public String text() throws Exception {
        return (String) part(message, "text/plain").orElseThrow().getContent();
    }

    public String html() throws Exception {
        return (String) part(message, "text/html").orElseThrow().getContent();
    }

    /** The inline image that {@code cid:<contentId>} points at. */
    public Optional<byte[]> image(String contentId) throws Exception {
        return inline(message, "<" + contentId + ">");
    }

    private static Optional<Part> part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of(part);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<Part> found = part(multipart.getBodyPart(i), type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> inline(Part part, String contentId) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String[] ids = body.getHeader("Content-ID");
                if (ids != null && ids[0].equals(contentId)) {
                    return Optional.of(body.getInputStream().readAllBytes());
                }
                Optional<byte[]> found = inline(body, contentId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
