package com.stadium.quota.portal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.admin.AllocationServiceClient.MatchView;
import com.stadium.quota.portal.tracking.DeliveryClient.Delivery;
import com.stadium.quota.portal.tracking.SponsorLines.DeliveryState;
import com.stadium.quota.portal.tracking.SponsorLines.Line;
import com.stadium.quota.portal.tracking.SponsorLines.LinkState;
import com.stadium.quota.portal.tracking.TrackingClient.Invitation;
import com.stadium.quota.portal.tracking.TrackingClient.Tickets;
import com.stadium.quota.portal.tracking.TrackingClient.Tracked;

/** How quota-service's tracking and notification-adapter's deliveries become the page's lines. */
class SponsorLinesTest {

    private static final Instant SENT = Instant.parse("2026-11-29T12:00:00Z");
    private static final Tickets TICKETS = new Tickets(2, 1, 1, 0);

    private static Tracked quota(String name, UUID parent, Invitation invitation, boolean neverOpened) {
        return new Tracked(UUID.randomUUID(), parent, null, name, name + "@sponsor.example", "ALLOCATED", 3,
                invitation, TICKETS, neverOpened);
    }

    private static Invitation sent(Instant redeemedAt, boolean revoked, UUID mailedFor) {
        return new Invitation(SENT, SENT, revoked, 0, redeemedAt, mailedFor);
    }

    private static Delivery mail(Tracked quota, String status, int attempts, String error, int messages) {
        return new Delivery(quota.quotaId().toString(), "QUOTA_INVITATION", quota.holderEmail(), status, attempts,
                error, SENT, "SENT".equals(status) ? SENT : null, messages, "SENT".equals(status) ? messages : 0,
                "FAILED".equals(status) ? 1 : 0);
    }

    private static Map<String, Delivery> byQuota(Delivery... deliveries) {
        return java.util.Arrays.stream(deliveries).collect(java.util.stream.Collectors.toMap(Delivery::quotaId,
                d -> d));
    }

    @Test
    void aBouncedInvitationAndAnOpenedLinkReadAsSuchAndASubRecipientNamesItsGiver() {
        Tracked bounced = quota("bea", null, sent(null, false, null), true);
        Tracked opened = quota("otto", null, sent(SENT.plusSeconds(90), false, null), false);
        Tracked guest = quota("gus", opened.quotaId(), sent(null, false, null), true);

        List<Line> lines = SponsorLines.lines(List.of(bounced, opened, guest), Optional.of(byQuota(
                mail(bounced, "FAILED", 4, "io.vertx.ext.mail.SMTPException: recipient address not accepted: 550 5.1.1"
                        + " no such user", 1), mail(opened, "SENT", 1, null, 3),
                mail(guest, "PENDING", 2, "421 try later", 1))));

        assertThat(lines).extracting(Line::delivery).containsExactly(DeliveryState.FAILED, DeliveryState.SENT,
                DeliveryState.RETRYING);
        assertThat(lines).extracting(Line::link).containsExactly(LinkState.NOT_OPENED, LinkState.OPENED,
                LinkState.NOT_OPENED);
        assertThat(lines.get(0).lastError()).isEqualTo("recipient address not accepted: 550 5.1.1 no such user");
        assertThat(lines.get(2).lastError()).isEqualTo("421 try later");
        assertThat(lines.get(1).lastError()).isNull();
        assertThat(lines.get(1).resent()).as("three mails: the first and two re-sends").isEqualTo(2);
        assertThat(lines.get(2).isSubquota()).isTrue();
        assertThat(lines.get(2).receivedFrom()).isEqualTo(opened);
        assertThat(SponsorLines.neverOpened(lines)).extracting(Line::quota).containsExactly(bounced, guest);
        assertThat(SponsorLines.summary(lines)).isEqualTo(new SponsorLines.Summary(3, 3, 1, 2, 1));
    }

    @Test
    void aGroupQuotaReadsTheDeliveryOfTheQuotaItsInvitationWasMailedFor() {
        UUID mailedFor = UUID.randomUUID();
        Tracked atThisMatch = quota("gina", null, sent(null, false, mailedFor), true);
        Delivery groupMail = new Delivery(mailedFor.toString(), "QUOTA_INVITATION", "gina@sponsor.example", "SENT",
                1, null, SENT, SENT, 1, 1, 0);

        assertThat(SponsorLines.deliveryKeys(List.of(atThisMatch))).containsExactly(mailedFor.toString());
        assertThat(SponsorLines.lines(List.of(atThisMatch), Optional.of(byQuota(groupMail))).get(0).delivery())
                .isEqualTo(DeliveryState.SENT);
    }

    @Test
    void withoutAnInvitationOrWithoutTheAdapterTheLineSaysSoAndARevokedUnusedLinkIsNotOpen() {
        Tracked pending = quota("pia", null, new Invitation(null, null, false, 0, null, null), false);
        Tracked revoked = quota("rob", null, sent(null, true, null), false);

        List<Line> known = SponsorLines.lines(List.of(pending, revoked), Optional.of(Map.of()));
        assertThat(known).extracting(Line::delivery).containsExactly(DeliveryState.NONE, DeliveryState.NONE);
        assertThat(known).extracting(Line::link).containsExactly(LinkState.NOT_SENT, LinkState.REVOKED);
        assertThat(SponsorLines.lines(List.of(pending), Optional.empty()).get(0).delivery())
                .isEqualTo(DeliveryState.UNKNOWN);
        assertThat(SponsorLines.summary(known).invited()).isEqualTo(1);
    }

    @Test
    void theNavigationOpensTheNextMatchOrElseTheLastOnePlayed() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        MatchView played = new MatchView(1, "M1", "Played", now.minusSeconds(86_400), "ARENA", Map.of());
        MatchView later = new MatchView(2, "M2", "Later", now.plusSeconds(7 * 86_400), "ARENA", Map.of());
        MatchView next = new MatchView(3, "M3", "Next", now.plusSeconds(86_400), "ARENA", Map.of());

        assertThat(TrackingIndex.next(List.of(played, later, next), now)).hasValue(3L);
        assertThat(TrackingIndex.next(List.of(played), now)).hasValue(1L);
        assertThat(TrackingIndex.next(List.of(), now)).isEmpty();
    }
}
