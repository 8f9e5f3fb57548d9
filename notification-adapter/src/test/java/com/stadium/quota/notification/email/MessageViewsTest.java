package com.stadium.quota.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Notice;

class MessageViewsTest {

    private static final List<Notice.Match> ROVERS = List.of(
            new Notice.Match("FC Example v Rovers", Instant.parse("2026-12-05T18:30:00Z")));
    private final MessageViews views = new MessageViews("https://tickets.club.example/", ZoneId.of("Europe/Berlin"));

    @Test
    void invitationLinkStartsWithThePortalAndCarriesTheTokenAsOnePathSegment() {
        String link = views.invitationLink("a/b+c d?");
        assertThat(link).isEqualTo("https://tickets.club.example/invitation/a%2Fb%2Bc%20d%3F");
        assertThat(URI.create(link).getPath()).isEqualTo("/invitation/a/b+c d?");
    }

    @Test
    void kickOffsAndExpirationAreShownInTheStadiumsTimeZone() {
        MessageView view = views.view(new Notice.QuotaInvitation("tok", ROVERS, 4,
                Instant.parse("2026-11-30T23:30:00Z"), 3), Locale.ENGLISH);
        assertThat(view.matches()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("FC Example v Rovers");
            assertThat(m.kickoff()).contains("Dec 5, 2026").contains("7:30");
        });
        assertThat(view.expiresOn()).isEqualTo("December 1, 2026");
        assertThat(view.ticketCount()).isEqualTo(4);
        assertThat(view.unclaimedTickets()).isEqualTo(3);
        assertThat(view.link()).isEqualTo("https://tickets.club.example/invitation/tok");
    }

    @Test
    void datesFollowTheRecipientsLanguage() {
        MessageView view = views.view(new Notice.ExpirationReminder("tok", ROVERS,
                Instant.parse("2026-11-30T23:30:00Z"), 2), Locale.GERMAN);
        assertThat(view.expiresOn()).isEqualTo("1. Dezember 2026");
    }

    @Test
    void eachTicketGetsItsOwnImageId() {
        MessageView view = views.view(new Notice.ClaimConfirmation(List.of(
                new Notice.Ticket("T-1", "FC Example v Rovers", null, "W1", "3", "7", null),
                new Notice.Ticket("T-2", null, null, null, null, null, null)), null), Locale.ENGLISH);
        assertThat(view.tickets()).extracting(MessageView.TicketLine::contentId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9-]+@[a-z-]+"));
        assertThat(view.tickets()).extracting(MessageView.TicketLine::reference).containsExactly("T-1", "T-2");
    }

    @Test
    void aRefundIsShownWithItsCurrencyAndNoneWhenNothingWasPaid() {
        assertThat(views.view(new Notice.QuotaCancelled(ROVERS, 3, Notice.CancellationScope.ALL_UNUSED,
                new Notice.Money(17005, "EUR")), Locale.GERMAN).refundAmount()).isEqualTo("170.05 EUR");
        MessageView unpaid = views.view(new Notice.QuotaCancelled(ROVERS, 1, Notice.CancellationScope.UNFULFILLED_ONLY,
                null), Locale.ENGLISH);
        assertThat(unpaid.refundAmount()).isEmpty();
        assertThat(unpaid.allUnused()).isFalse();
    }
}
