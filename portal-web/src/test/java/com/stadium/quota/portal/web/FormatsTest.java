package com.stadium.quota.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats english = new Formats(ZoneId.of("Europe/Berlin"), Locale.ENGLISH);
    private final Formats german = new Formats(ZoneId.of("Europe/Berlin"), Locale.GERMAN);

    @Test
    void kickOffIsShownInTheClubsTimeZoneNotUtc() {
        Instant kickoff = Instant.parse("2027-03-14T18:30:00Z");
        assertThat(english.kickoff(kickoff)).contains("Sunday").contains("March 14, 2027").contains("7:30");
        assertThat(german.kickoff(kickoff)).contains("Sonntag").contains("14. März 2027").contains("19:30");
        // summer time: 17:00 UTC is 19:00 in Berlin
        assertThat(german.kickoff(Instant.parse("2027-07-01T17:00:00Z"))).contains("19:00");
    }

    @Test
    void pricesInTheGuestsNotation() {
        assertThat(english.money(13600, "EUR")).isEqualTo("€136.00");
        assertThat(german.money(13600, "EUR")).isEqualTo("136,00\u00a0€");
        assertThat(english.money(5, "EUR")).isEqualTo("€0.05");
    }

    @Test
    void datesAndTimes() {
        assertThat(english.date(LocalDate.of(2027, 3, 31))).isEqualTo("March 31, 2027");
        assertThat(german.time(Instant.parse("2027-03-14T18:30:00Z"))).isEqualTo("19:30");
        assertThat(english.time(null)).isEmpty();
        assertThat(english.moment(Instant.parse("2026-11-29T12:00:00Z"))).contains("Nov 29, 2026").contains("1:00");
        assertThat(german.moment(Instant.parse("2026-11-29T12:00:00Z"))).contains("29.11.2026").contains("13:00");
        assertThat(english.moment(null)).isEmpty();
    }

    @Test
    void minutesLeftRoundUpAndNeverGoNegative() {
        Instant now = Instant.parse("2027-03-14T18:00:00Z");
        assertThat(Formats.minutesLeft(now.plusSeconds(30), now)).isEqualTo(1);
        assertThat(Formats.minutesLeft(now.plusSeconds(900), now)).isEqualTo(15);
        assertThat(Formats.minutesLeft(now.minusSeconds(5), now)).isZero();
        assertThat(Formats.minutesLeft(null, now)).isZero();
    }

    @Test
    void theGuestGetsTheFirstOfTheirLanguagesThePortalSpeaks() {
        assertThat(Languages.pick(java.util.List.of(Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("de-AT"))))
                .isEqualTo(Locale.GERMAN);
        assertThat(Languages.pick(java.util.List.of(Locale.forLanguageTag("en-GB")))).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.pick(java.util.List.of(Locale.forLanguageTag("fr")))).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.pick(java.util.List.of())).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.fromHeader("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7")).isEqualTo(Locale.GERMAN);
        assertThat(Languages.fromHeader("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.fromHeader("not a ;; header")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.fromHeader(null)).isEqualTo(Locale.ENGLISH);
    }
}
