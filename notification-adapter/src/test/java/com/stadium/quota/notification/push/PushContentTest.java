package com.stadium.quota.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Where a push leads and how much of it a lock screen gets. */
class PushContentTest {

    private static final UUID ID = UUID.fromString("5f0c3a52-9e0f-4c53-9d33-0d8e2bb4c1aa");

    @Test
    void aPushLeadsToTheAppsPageOfItsQuota() {
        PushContent content = PushContent.of("CLAIM_CONFIRMATION", "6f1b2c3d", ID, "Claim confirmed",
                "Your tickets are confirmed", "https://tickets.club.example/");

        assertThat(content.data()).containsEntry("kind", "CLAIM_CONFIRMATION").containsEntry("quotaId", "6f1b2c3d")
                .containsEntry("notificationId", ID.toString())
                .containsEntry("url", "https://tickets.club.example/app/quotas/6f1b2c3d");
        assertThat(content.title()).isEqualTo("Claim confirmed");
        assertThat(content.body()).isEqualTo("Your tickets are confirmed");
    }

    @Test
    void aQuotaIdIsOnePathSegmentAndNoQuotaLeadsToTheApp() {
        assertThat(PushContent.appUrl("http://127.0.0.1:8080", "q 1/2")).isEqualTo(
                "http://127.0.0.1:8080/app/quotas/q%201%2F2");
        assertThat(PushContent.of("QUOTA_INVITATION", null, ID, "t", "b", "http://127.0.0.1:8080").data())
                .containsEntry("url", "http://127.0.0.1:8080/app").doesNotContainKey("quotaId");
    }

    @Test
    void aLongBodyIsCutForTheLockScreen() {
        String body = PushContent.of("SUBQUOTA_INVITATION", "q", ID, "Tickets received", "x".repeat(500),
                "https://tickets.club.example").body();

        assertThat(body).hasSize(PushContent.MAX_BODY).endsWith("x…");
    }
}
