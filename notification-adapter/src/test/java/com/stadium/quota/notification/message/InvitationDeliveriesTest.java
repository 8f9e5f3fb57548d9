package com.stadium.quota.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class InvitationDeliveriesTest {

    private static final Instant T0 = Instant.parse("2027-01-10T10:00:00Z");

    private static Notification message(String quotaId, String kind, NotificationStatus status, int minute) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.quotaId = quotaId;
        n.kind = kind;
        n.recipientEmail = "holder@sponsor.example";
        n.status = status;
        n.delivery.attempts = status == NotificationStatus.FAILED ? 6 : 1;
        n.delivery.lastError = status == NotificationStatus.FAILED ? "550 mailbox unavailable" : null;
        n.receivedAt = T0.plusSeconds(60L * minute);
        n.delivery.sentAt = status == NotificationStatus.SENT ? n.receivedAt.plusSeconds(2) : null;
        return n;
    }

    @Test
    void theLatestInvitationGivesTheStatusAndEveryResendIsCounted() {
        Notification failed = message("q1", "QUOTA_INVITATION", NotificationStatus.FAILED, 0);
        Notification resent = message("q1", "QUOTA_INVITATION", NotificationStatus.SENT, 5);
        Notification again = message("q1", "QUOTA_INVITATION", NotificationStatus.PENDING, 9);
        List<InvitationDeliveries.Delivery> found = InvitationDeliveries.of(List.of("q1"),
                List.of(again, failed, resent));

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.latestId()).isEqualTo(again.id);
            assertThat(d.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(d.messages()).isEqualTo(3);
            assertThat(d.sent()).isEqualTo(1);
            assertThat(d.failed()).isEqualTo(1);
        });
    }

    @Test
    void aBouncedInvitationShowsItsErrorAndOtherKindsAndQuotasDoNotCount() {
        List<InvitationDeliveries.Delivery> found = InvitationDeliveries.of(List.of("sub", "none", "sub"), List.of(
                message("sub", "SUBQUOTA_INVITATION", NotificationStatus.FAILED, 1),
                message("sub", "QUOTA_CANCELLED", NotificationStatus.SENT, 2),
                message("other", "QUOTA_INVITATION", NotificationStatus.SENT, 3)));

        assertThat(found).extracting(InvitationDeliveries.Delivery::quotaId).containsExactly("sub", "none");
        assertThat(found.get(0).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(found.get(0).kind()).isEqualTo("SUBQUOTA_INVITATION");
        assertThat(found.get(0).attempts()).isEqualTo(6);
        assertThat(found.get(0).lastError()).isEqualTo("550 mailbox unavailable");
        assertThat(found.get(0).messages()).isEqualTo(1);
        assertThat(found.get(1).status()).isNull();
        assertThat(found.get(1).messages()).isZero();
    }
}
