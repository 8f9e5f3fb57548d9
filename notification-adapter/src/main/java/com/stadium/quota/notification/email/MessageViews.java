package com.stadium.quota.notification.email;

import static com.stadium.quota.messaging.contract.NotificationData.CANCELLATION_SCOPE;
import static com.stadium.quota.messaging.contract.NotificationData.DEEPLINK_TOKEN;
import static com.stadium.quota.messaging.contract.NotificationData.EXPIRES_AT;
import static com.stadium.quota.messaging.contract.NotificationData.MATCHES;
import static com.stadium.quota.messaging.contract.NotificationData.NOTE;
import static com.stadium.quota.messaging.contract.NotificationData.PERSONAL_MESSAGE;
import static com.stadium.quota.messaging.contract.NotificationData.REFUND_AMOUNT;
import static com.stadium.quota.messaging.contract.NotificationData.SENDER_NAME;
import static com.stadium.quota.messaging.contract.NotificationData.TICKETS;
import static com.stadium.quota.messaging.contract.NotificationData.TICKET_COUNT;
import static com.stadium.quota.messaging.contract.NotificationData.UNCLAIMED_TICKETS;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationData;

/** Reads a request's data into a {@link MessageView}; data that cannot be read makes the message undeliverable. */
public final class MessageViews {

    /** Where a deeplink lands in the portal: {@code <portal-url>/invitation/<token>}. */
    static final String INVITATION_PATH = "/invitation/";

    private final String portalUrl;
    private final ZoneId zone;
    private final ObjectMapper json;

    public MessageViews(String portalUrl, ZoneId zone, ObjectMapper json) {
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        this.zone = zone;
        this.json = json;
    }

    /** The portal link of a deeplink token, the token encoded as one path segment. */
    public String invitationLink(String token) {
        return portalUrl + INVITATION_PATH + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public MessageView view(Map<String, String> data, Locale locale) {
        try {
            DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(zone);
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .withZone(zone);
            String token = text(data, DEEPLINK_TOKEN);
            List<MessageView.MatchLine> matches = NotificationData.readMatches(data.get(MATCHES), json).stream()
                    .map(m -> new MessageView.MatchLine(m.name(),
                            m.kickoff() == null ? "" : dateTime.format(m.kickoff())))
                    .toList();
            List<NotificationData.Ticket> claimed = NotificationData.readTickets(data.get(TICKETS), json);
            List<MessageView.TicketLine> tickets = new ArrayList<>(claimed.size());
            for (NotificationData.Ticket t : claimed) {
                if (t.reference() == null || t.reference().isBlank()) {
                    throw new Undeliverable("a ticket has no reference");
                }
                tickets.add(new MessageView.TicketLine(t.reference(), orEmpty(t.match()),
                        t.kickoff() == null ? "" : dateTime.format(t.kickoff()), orEmpty(t.sector()),
                        orEmpty(t.row()), orEmpty(t.seat()), orEmpty(t.attendee()),
                        "ticket-" + (tickets.size() + 1) + "@quota-suite"));
            }
            String expiresAt = text(data, EXPIRES_AT);
            return new MessageView(token.isEmpty() ? "" : invitationLink(token), matches,
                    number(data, TICKET_COUNT), expiresAt.isEmpty() ? "" : date.format(Instant.parse(expiresAt)),
                    text(data, SENDER_NAME), text(data, PERSONAL_MESSAGE), tickets,
                    "ALL_UNUSED".equals(data.get(CANCELLATION_SCOPE)), text(data, REFUND_AMOUNT),
                    number(data, UNCLAIMED_TICKETS), text(data, NOTE));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Undeliverable("unreadable data: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, String> data, String key) {
        return orEmpty(data.get(key)).trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static int number(Map<String, String> data, String key) {
        String value = text(data, key);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
