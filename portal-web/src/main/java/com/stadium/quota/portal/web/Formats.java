package com.stadium.quota.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** How the portal writes dates, times and prices for a guest: in the club's time zone and the guest's language. */
public record Formats(ZoneId zone, Locale locale) {

    /** "Sunday, March 14, 2027, 7:30 PM" in English, in the club's zone; the weekday helps people who come once a season. */
    public String kickoff(Instant kickoff) {
        if (kickoff == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(kickoff);
    }

    /** A time of day, e.g. when a hold ends. */
    public String time(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(instant);
    }

    /** A moment in a table, short but with the day: "Nov 29, 2026, 1:00 PM", in the club's zone. */
    public String moment(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .withZone(zone).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** A price in the guest's notation, e.g. "€68.00" or "68,00 €". */
    public String money(int cents, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency));
        return format.format(BigDecimal.valueOf(cents, 2));
    }

    /** Whole minutes left until a moment, never negative; a hold that ends in 30 seconds has 1 minute left. */
    public static long minutesLeft(Instant until, Instant now) {
        if (until == null || !until.isAfter(now)) {
            return 0;
        }
        return (Duration.between(now, until).toSeconds() + 59) / 60;
    }
}
