package com.stadium.quota.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MessageViewsTest {

    private final MessageViews views = new MessageViews("https://tickets.club.example/", ZoneId.of("Europe/Berlin"),
            new ObjectMapper().findAndRegisterModules());

    @Test
    void invitationLinkStartsWithThePortalAndCarriesTheTokenAsOnePathSegment() {
        String link = views.invitationLink("a/b+c d?");
        assertThat(link).isEqualTo("https://tickets.club.example/invitation/a%2Fb%2Bc%20d%3F");
        assertThat(URI.create(link).getPath()).isEqualTo("/invitation/a/b+c d?");
    }

    @Test
    void kickOffsAndExpirationAreShownInTheStadiumsTimeZone() {
        MessageView view = views.view(Map.of(
                "matches", "[{\"name\":\"FC Example v Rovers\",\"kickoff\":\"2026-12-05T18:30:00Z\"}]",
                "expiresAt", "2026-11-30T23:30:00Z", "ticketCount", "4"), Locale.ENGLISH);
        assertThat(view.matches()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("FC Example v Rovers");
            assertThat(m.kickoff()).contains("Dec 5, 2026").contains("7:30");
        });
        assertThat(view.expiresOn()).isEqualTo("December 1, 2026");
        assertThat(view.ticketCount()).isEqualTo(4);
        assertThat(view.link()).isEmpty();
    }

    @Test
    void eachTicketGetsItsOwnImageId() {
        MessageView view = views.view(Map.of("tickets",
                "[{\"reference\":\"T-1\",\"sector\":\"W1\",\"row\":\"3\",\"seat\":\"7\"},{\"reference\":\"T-2\"}]"),
                Locale.ENGLISH);
        assertThat(view.tickets()).extracting(MessageView.TicketLine::contentId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9-]+@[a-z-]+"));
    }

    @Test
    void unreadableDataMakesTheMessageUndeliverable() {
        assertThatThrownBy(() -> views.view(Map.of("matches", "not json"), Locale.ENGLISH))
                .isInstanceOf(Undeliverable.class);
        assertThatThrownBy(() -> views.view(Map.of("ticketCount", "four"), Locale.ENGLISH))
                .isInstanceOf(Undeliverable.class);
        assertThatThrownBy(() -> views.view(Map.of("expiresAt", "tomorrow"), Locale.ENGLISH))
                .isInstanceOf(Undeliverable.class);
        assertThatThrownBy(() -> views.view(Map.of("tickets", "[{\"sector\":\"W1\"}]"), Locale.ENGLISH))
                .isInstanceOf(Undeliverable.class).hasMessageContaining("reference");
    }
}
