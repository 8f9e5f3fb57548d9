package com.stadium.quota.notification.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.stadium.quota.messaging.contract.Notice;

/** Turns a {@link Notice} into the {@link MessageView} its templates show. */
public final class MessageViews {

    /** Where a deeplink lands in the portal: {@code <portal-url>/invitation/<token>}. */
    static final String INVITATION_PATH = "/invitation/";

    private final String portalUrl;
    private final ZoneId zone;

    public MessageViews(String portalUrl, ZoneId zone) {
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        this.zone = zone;
    }

    /** The portal link of a deeplink token, the token encoded as one path segment. */
    public String invitationLink(String token) {
        return portalUrl + INVITATION_PATH + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The notice as the templates show it, dates in the recipient's language and the stadium's time zone. */
    public MessageView view(Notice notice, Locale locale) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
        Parts parts = new Parts();
        if (notice instanceof Notice.Invitation n) {
            parts.link(n.deeplinkToken()).matches(n.matches()).count(n.ticketCount()).expires(n.expiresAt())
                    .unclaimed(n.unclaimedTickets());
            if (n instanceof Notice.SubquotaInvitation sub) {
                parts.senderName = sub.senderName();
                parts.personalMessage = orEmpty(sub.personalMessage()).strip();
            }
        } else if (notice instanceof Notice.ClaimConfirmation n) {
            parts.unclaimed(n.unclaimedTickets());
            n.tickets().forEach(t -> parts.ticket(t, dateTime));
        } else if (notice instanceof Notice.TicketReassigned n) {
            parts.ticket(n.ticket(), dateTime);
            parts.senderName = n.givenBy();
        } else if (notice instanceof Notice.AttendeeReplaced n) {
            parts.matches(List.of(n.match()));
            parts.seat = new MessageView.SeatLine(orEmpty(n.sector()), orEmpty(n.row()), orEmpty(n.seat()));
            parts.senderName = n.givenBy();
        } else if (notice instanceof Notice.SubquotaRetracted n) {
            parts.matches(n.matches()).count(n.ticketCount());
            parts.senderName = n.senderName();
        } else if (notice instanceof Notice.QuotaCancelled n) {
            parts.matches(n.matches()).count(n.ticketCount());
            parts.allUnused = n.scope() == Notice.CancellationScope.ALL_UNUSED;
            parts.refundAmount = n.refund() == null || n.refund().cents() == 0 ? "" : amount(n.refund());
        } else if (notice instanceof Notice.ExpirationReminder n) {
            parts.link(n.deeplinkToken()).matches(n.matches()).expires(n.expiresAt()).unclaimed(n.unclaimedTickets());
        } else if (notice instanceof Notice.TestMessage n) {
            parts.note = n.note().trim();
        }
        return new MessageView(parts.link, parts.matches.stream()
                .map(m -> new MessageView.MatchLine(m.name(), m.kickoff() == null ? "" : dateTime.format(m.kickoff())))
                .toList(), parts.ticketCount, parts.expiresAt == null ? "" : date.format(parts.expiresAt),
                parts.senderName, parts.personalMessage, List.copyOf(parts.tickets), parts.allUnused,
                parts.refundAmount, parts.unclaimedTickets, parts.note, parts.seat);
    }

    /** e.g. {@code 170.00 EUR}, as the club's books write it whatever the language. */
    static String amount(Notice.Money money) {
        return String.format(Locale.ROOT, "%d.%02d %s", money.cents() / 100, money.cents() % 100, money.currency());
    }

    /** The parts of a view as a notice fills them; what a kind does not use stays empty. */
    private final class Parts {
        String link = "";
        List<Notice.Match> matches = List.of();
        int ticketCount;
        Instant expiresAt;
        String senderName = "";
        String personalMessage = "";
        final List<MessageView.TicketLine> tickets = new ArrayList<>();
        boolean allUnused;
        String refundAmount = "";
        int unclaimedTickets;
        String note = "";
        MessageView.SeatLine seat;

        void ticket(Notice.Ticket t, DateTimeFormatter dateTime) {
            tickets.add(new MessageView.TicketLine(t.reference(), orEmpty(t.match()),
                    t.kickoff() == null ? "" : dateTime.format(t.kickoff()), orEmpty(t.sector()), orEmpty(t.row()),
                    orEmpty(t.seat()), orEmpty(t.attendee()), "ticket-" + (tickets.size() + 1) + "@quota-suite",
                    t.qrPayload()));
        }

        Parts link(String token) {
            link = invitationLink(token);
            return this;
        }

        Parts matches(List<Notice.Match> values) {
            matches = values;
            return this;
        }

        Parts count(int value) {
            ticketCount = value;
            return this;
        }

        Parts expires(Instant value) {
            expiresAt = value;
            return this;
        }

        Parts unclaimed(Integer value) {
            unclaimedTickets = value == null ? 0 : value;
            return this;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
