package com.stadium.quota.quotaservice.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.tracking.SponsorTracking.InvitationState;
import com.stadium.quota.quotaservice.tracking.SponsorTracking.TicketCounts;
import com.stadium.quota.quotaservice.tracking.SponsorTracking.TrackedQuota;

/** Who lands on the follow-up list, and how the list reads in a spreadsheet. */
class NeverOpenedTest {

    private static final Instant SENT = Instant.parse("2026-11-29T12:00:00Z");
    private static final TicketCounts TICKETS = new TicketCounts(2, 0, 0, 0);

    private static TrackedQuota line(String name, UUID parent, QuotaState state, InvitationState invitation) {
        return new TrackedQuota(UUID.randomUUID(), parent, null, name, name.toLowerCase().replace(' ', '.')
                + "@sponsor.example", state, 2, invitation, TICKETS);
    }

    private static InvitationState invited(Instant redeemedAt, boolean revoked) {
        return new InvitationState(SENT, SENT, revoked, 0, redeemedAt, null);
    }

    @Test
    void onlyALiveLinkThatWasNeverUsedOnAStandingQuotaNeedsAFollowUp() {
        TrackedQuota unopened = line("Una Unopened", null, QuotaState.ALLOCATED, invited(null, false));
        TrackedQuota opened = line("Otto Opened", null, QuotaState.ALLOCATED, invited(SENT.plusSeconds(60), false));
        TrackedQuota revoked = line("Rita Revoked", null, QuotaState.ALLOCATED, invited(null, true));
        TrackedQuota notInvited = line("Nils Pending", null, QuotaState.PENDING_ALLOCATION,
                new InvitationState(null, null, false, 0, null, null));
        TrackedQuota cancelled = line("Cai Cancelled", null, QuotaState.CANCELLED, invited(null, false));

        assertThat(NeverOpened.of(List.of(unopened, opened, revoked, notInvited, cancelled)))
                .containsExactly(unopened);
    }

    @Test
    void aSubRecipientsLineNamesWhoPassedTheTicketsOnAndNoCellRunsAsAFormula() {
        TrackedQuota parent = line("Pia Parent", null, QuotaState.ALLOCATED, invited(SENT, false));
        TrackedQuota guest = line("=HYPERLINK(\"http://evil.example\")", parent.quotaId(), QuotaState.ALLOCATED,
                invited(null, false));

        List<String> lines = NeverOpened.csv(List.of(parent, guest)).lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(String.join(",", NeverOpened.HEADER));
        assertThat(lines.get(1)).startsWith(guest.quotaId() + ",\"'=HYPERLINK(\"\"http://evil.example\"\")\",")
                .contains(",pia.parent@sponsor.example,ALLOCATED,2,2026-11-29T12:00:00Z,2026-11-29T12:00:00Z,0");
    }
}
