package com.stadium.quota.portal.tracking;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.stadium.quota.portal.tracking.DeliveryClient.Delivery;
import com.stadium.quota.portal.tracking.TrackingClient.Tracked;

/**
 * Joins quota-service's tracking of a match with notification-adapter's deliveries into one line per quota (a
 * subquota's line right after its parent's, as quota-service orders them), and counts what the page's summary says.
 */
public final class SponsorLines {

    // "io.vertx.ext.mail.SMTPException: " before the server's answer says nothing to a club's staff
    private static final Pattern EXCEPTION_NAME = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ");

    /** How the latest invitation mail went; UNKNOWN when notification-adapter did not answer. */
    public enum DeliveryState {
        UNKNOWN, NONE, SENDING, RETRYING, SENT, FAILED
    }

    /** Whether the link was used: OPENED stays true once it happened, even if the link was revoked later. */
    public enum LinkState {
        NOT_SENT, REVOKED, OPENED, NOT_OPENED
    }

    /**
     * @param receivedFrom for a sub-recipient, the holder who passed the tickets on (null for a quota)
     * @param delivery the latest invitation message's state; its details (error, times) are in {@code mail}
     * @param resent invitation messages after the first one (re-sends, with a new link or the same)
     */
    public record Line(Tracked quota, Tracked receivedFrom, DeliveryState delivery, Delivery mail, int resent,
            LinkState link) {

        public boolean isSubquota() {
            return quota.parentId() != null;
        }

        /** The mail server's answer as the adapter recorded it, without a Java exception's class name before it. */
        public String lastError() {
            return mail == null || mail.lastError() == null ? null
                    : EXCEPTION_NAME.matcher(mail.lastError()).replaceFirst("");
        }
    }

    /** The match at a glance. */
    public record Summary(int lines, int invited, int opened, int neverOpened, int failed) {
    }

    private SponsorLines() {
    }

    /** Which quota ids to ask notification-adapter about: a group's invitation is mailed for one of its quotas. */
    public static List<String> deliveryKeys(List<Tracked> tracked) {
        return List.copyOf(new LinkedHashSet<>(tracked.stream().map(SponsorLines::deliveryKey).toList()));
    }

    /**
     * @param deliveries notification-adapter's answer by quota id, empty when it did not answer
     */
    public static List<Line> lines(List<Tracked> tracked, Optional<Map<String, Delivery>> deliveries) {
        Map<UUID, Tracked> byId = new HashMap<>();
        tracked.forEach(q -> byId.put(q.quotaId(), q));
        return tracked.stream().map(q -> {
            Delivery mail = deliveries.map(d -> d.get(deliveryKey(q))).orElse(null);
            return new Line(q, q.parentId() == null ? null : byId.get(q.parentId()),
                    delivery(deliveries.isPresent(), mail), mail, mail == null ? 0 : Math.max(0, mail.messages() - 1),
                    link(q));
        }).toList();
    }

    /** Invited but never opened, by quota-service's rule (a live link, never used, on a standing quota). */
    public static List<Line> neverOpened(List<Line> lines) {
        return lines.stream().filter(l -> l.quota().neverOpened()).toList();
    }

    public static Summary summary(List<Line> lines) {
        return new Summary(lines.size(), (int) lines.stream().filter(l -> l.link() != LinkState.NOT_SENT).count(),
                (int) lines.stream().filter(l -> l.link() == LinkState.OPENED).count(), neverOpened(lines).size(),
                (int) lines.stream().filter(l -> l.delivery() == DeliveryState.FAILED).count());
    }

    private static String deliveryKey(Tracked quota) {
        UUID mailedFor = quota.invitation() == null ? null : quota.invitation().messageQuotaId();
        return (mailedFor == null ? quota.quotaId() : mailedFor).toString();
    }

    static DeliveryState delivery(boolean known, Delivery mail) {
        if (!known) {
            return DeliveryState.UNKNOWN;
        }
        if (mail == null || mail.status() == null) {
            return DeliveryState.NONE;
        }
        return switch (mail.status()) {
            case "SENT" -> DeliveryState.SENT;
            case "FAILED" -> DeliveryState.FAILED;
            default -> mail.attempts() > 0 ? DeliveryState.RETRYING : DeliveryState.SENDING;
        };
    }

    static LinkState link(Tracked quota) {
        var invitation = quota.invitation();
        if (invitation == null || invitation.issuedAt() == null) {
            return LinkState.NOT_SENT;
        }
        if (invitation.redeemedAt() != null) {
            return LinkState.OPENED;
        }
        return invitation.revoked() ? LinkState.REVOKED : LinkState.NOT_OPENED;
    }
}
