package com.stadium.quota.notification.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.stadium.quota.messaging.contract.NotificationKind;

/**
 * How each quota's invitation reached its holder: the latest invitation message's delivery state and how many were
 * sent in all (re-sends included). Plain Java over the notifications of the quotas, which one query loads.
 */
public final class InvitationDeliveries {

    /** The kinds that invite a holder or a sub-recipient. */
    public static final List<String> KINDS = List.of(NotificationKind.QUOTA_INVITATION.name(),
            NotificationKind.SUBQUOTA_INVITATION.name());

    private InvitationDeliveries() {
    }

    /**
     * One quota's invitation delivery; everything but quotaId and the counts is null when no invitation was asked for.
     *
     * @param status the latest invitation's status (PENDING, SENT, FAILED)
     * @param messages invitation messages asked for in all (the first and every re-send)
     * @param sent of those, how many were sent
     * @param failed of those, how many failed for good
     */
    public record Delivery(String quotaId, String kind, String recipientEmail, java.util.UUID latestId,
            NotificationStatus status, int attempts, String lastError, Instant receivedAt, Instant sentAt,
            int messages, int sent, int failed) {
    }

    /**
     * @param invitations invitation notifications of the quotas, in any order
     * @return one delivery per quota asked for, in the order asked
     */
    public static List<Delivery> of(Collection<String> quotaIds, List<Notification> invitations) {
        Map<String, List<Notification>> byQuota = new LinkedHashMap<>();
        new LinkedHashSet<>(quotaIds).forEach(id -> byQuota.put(id, new ArrayList<>()));
        for (Notification n : invitations) {
            List<Notification> of = byQuota.get(n.quotaId);
            if (of != null && KINDS.contains(n.kind)) {
                of.add(n);
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        byQuota.forEach((quotaId, messages) -> {
            Notification latest = messages.stream()
                    .max(java.util.Comparator.comparing((Notification n) -> n.receivedAt).thenComparing(n -> n.id))
                    .orElse(null);
            int sent = (int) messages.stream().filter(n -> n.status == NotificationStatus.SENT).count();
            int failed = (int) messages.stream().filter(n -> n.status == NotificationStatus.FAILED).count();
            deliveries.add(latest == null ? new Delivery(quotaId, null, null, null, null, 0, null, null, null, 0, 0, 0)
                    : new Delivery(quotaId, latest.kind, latest.recipientEmail, latest.id, latest.status,
                            latest.delivery.attempts, latest.delivery.lastError, latest.receivedAt,
                            latest.delivery.sentAt, messages.size(), sent, failed));
        });
        return deliveries;
    }
}
