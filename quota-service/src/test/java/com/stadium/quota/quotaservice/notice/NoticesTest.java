package com.stadium.quota.quotaservice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.quotaservice.quota.CancellationScope;
import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;

/** What each fact tells whom, without Quarkus: the one place messages to people are made. */
class NoticesTest {

    private static final Instant KICKOFF = Instant.parse("2026-12-05T18:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Quota quota(String email, String name, LocalDate expiresOn) {
        return Quota.create(new NewQuota(email, name, List.of(1L), List.of("W1"), 3, 0, "NM", expiresOn, true, false,
                false, false, null), new MatchInfo(1, "FC Example v Rovers", KICKOFF, "ARENA", Map.of("W1", 100)),
                null, UUID.randomUUID(), "admin", KICKOFF.minusSeconds(86_400 * 30));
    }

    @Test
    void anInvitationExpiresAtTheEndOfItsDayInTheStadiumsZoneAndASubquotaNamesItsSender() {
        Quota quota = quota("ada@sponsor.example", "Ada Sponsor", LocalDate.of(2026, 12, 1));
        MessageToPerson invitation = Notices.invitation(quota, List.of(quota), "tok", 3, 3, null, null, BERLIN);

        assertThat(invitation.recipientEmail()).isEqualTo("ada@sponsor.example");
        assertThat(invitation.quotaId()).isEqualTo(quota.id);
        assertThat(invitation.notice()).isEqualTo(new Notice.QuotaInvitation("tok",
                List.of(new Notice.Match("FC Example v Rovers", KICKOFF)), 3,
                Instant.parse("2026-12-01T22:59:59.999999999Z"), 3));

        Quota sub = quota("gus@friends.example", "Gus Guest", null);
        MessageToPerson passedOn = Notices.invitation(sub, List.of(sub), "tok2", 2, 2, quota, "  Enjoy!  ", BERLIN);
        assertThat(passedOn.notice()).isInstanceOfSatisfying(Notice.SubquotaInvitation.class, n -> {
            assertThat(n.senderName()).isEqualTo("Ada Sponsor");
            assertThat(n.personalMessage()).isEqualTo("Enjoy!");
            assertThat(n.expiresAt()).isNull();
        });
    }

    @Test
    void aSaleConfirmsEveryTicketToTheClaimantAndEachGuestWithAnEmailTheirOwn() {
        Quota quota = quota("ada@sponsor.example", "Ada Sponsor", null);
        UUID mine = UUID.randomUUID();
        UUID gus = UUID.randomUUID();
        UUID nameless = UUID.randomUUID();
        QuotaEvent.TicketsSold sold = new QuotaEvent.TicketsSold(quota.id, UUID.randomUUID(), "ada@sponsor.example",
                0, List.of(new QuotaEvent.SoldTicket(mine, 1, "W1", "3", "7", "Ada Sponsor", "ada@sponsor.example", 0),
                        new QuotaEvent.SoldTicket(gus, 2, "W1", "3", "8", "Gus Guest", "gus@friends.example", 0),
                        new QuotaEvent.SoldTicket(nameless, 3, "W1", "3", "9", null, null, 0)));

        List<MessageToPerson> told = Notices.claimConfirmations(quota, sold, 0, id -> "v1.k." + id + ".sig");

        assertThat(told).extracting(MessageToPerson::recipientEmail)
                .containsExactly("ada@sponsor.example", "gus@friends.example");
        assertThat(told).extracting(MessageToPerson::recipientName).containsExactly("Ada Sponsor", "Gus Guest");
        Notice.ClaimConfirmation claimant = (Notice.ClaimConfirmation) told.get(0).notice();
        assertThat(claimant.tickets()).extracting(Notice.Ticket::reference)
                .containsExactly(mine.toString(), gus.toString(), nameless.toString());
        assertThat(claimant.tickets()).extracting(Notice.Ticket::qrPayload).as("one QR payload per ticket: its code")
                .containsExactly("v1.k." + mine + ".sig", "v1.k." + gus + ".sig", "v1.k." + nameless + ".sig");
        assertThat(claimant.unclaimedTickets()).isZero();
        assertThat(((Notice.ClaimConfirmation) told.get(1).notice()).tickets()).singleElement()
                .satisfies(t -> assertThat(t.seat()).isEqualTo("8"));
    }

    @Test
    void aReassignmentSendsTheTicketToTheNewAttendeeAndTellsThePreviousOneWithoutNamingTheNewOne() {
        Quota quota = quota("ada@sponsor.example", "Ada Sponsor", null);
        UUID ticket = UUID.randomUUID();
        QuotaEvent.TicketReassigned reassigned = new QuotaEvent.TicketReassigned(quota.id, new QuotaEvent.SoldTicket(
                ticket, 5, "W1", "3", "8", "Bea New", "bea@friends.example", 0), "Gus Guest", "gus@friends.example", 1);

        List<MessageToPerson> told = Notices.reassigned(quota, reassigned, "v1.k.payload.sig");

        assertThat(told).extracting(MessageToPerson::recipientEmail)
                .containsExactly("bea@friends.example", "gus@friends.example");
        assertThat(told.get(0).notice()).isEqualTo(new Notice.TicketReassigned(new Notice.Ticket(ticket.toString(),
                "FC Example v Rovers", KICKOFF, "W1", "3", "8", "Bea New", "v1.k.payload.sig"), "Ada Sponsor"));
        assertThat(told.get(1).notice()).isEqualTo(new Notice.AttendeeReplaced(new Notice.Match("FC Example v Rovers",
                KICKOFF), "W1", "3", "8", "Ada Sponsor"));
        assertThat(told.get(1).notice().toString()).doesNotContain("Bea", "bea@", "v1.");

        QuotaEvent.TicketReassigned fromNameless = new QuotaEvent.TicketReassigned(quota.id, reassigned.ticket(),
                null, null, 1);
        assertThat(Notices.reassigned(quota, fromNameless, "v1.k.payload.sig")).as("nobody to tell without an email")
                .extracting(MessageToPerson::recipientEmail).containsExactly("bea@friends.example");
    }

    @Test
    void aCancellationNamesItsScopeAndARefundOnlyWhenSomethingWasPaid() {
        Quota quota = quota("ada@sponsor.example", "Ada Sponsor", null);
        Notice paid = Notices.cancelled(quota, CancellationScope.ALL_UNUSED, 4, 4800, "EUR").notice();
        assertThat(paid).isEqualTo(new Notice.QuotaCancelled(List.of(new Notice.Match("FC Example v Rovers", KICKOFF)),
                4, Notice.CancellationScope.ALL_UNUSED, new Notice.Money(4800, "EUR")));
        assertThat(((Notice.QuotaCancelled) Notices.cancelled(quota, CancellationScope.UNFULFILLED_ONLY, 1, 0, "EUR")
                .notice()).refund()).isNull();
    }

    @Test
    void aRetractionTellsTheSubRecipientWhoTookBackHowMany() {
        Quota parent = quota("ada@sponsor.example", "Ada Sponsor", null);
        Quota sub = quota("gus@friends.example", "Gus Guest", null);
        MessageToPerson told = Notices.retracted(sub, parent, new QuotaEvent.TicketsRetracted(parent.id, sub.id, 2,
                true));
        assertThat(told.recipientEmail()).isEqualTo("gus@friends.example");
        assertThat(told.notice()).isEqualTo(new Notice.SubquotaRetracted("Ada Sponsor",
                List.of(new Notice.Match("FC Example v Rovers", KICKOFF)), 2));
    }
}
