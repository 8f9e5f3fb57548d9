package com.stadium.quota.quotaservice.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.stadium.quota.web.Violation;

/** The rules a new quota must meet; every violation is reported at once, by field. */
public final class QuotaRules {

    /** Local part, @, a domain with at least one dot: what a club can send an invitation to. */
    static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
            + "[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    static final int MAX_MATCHES = 20;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private QuotaRules() {
    }

    /** True for an address the club can send to (after {@link #normalEmail}). */
    public static boolean isEmail(String email) {
        return email != null && email.length() <= 320 && EMAIL.matcher(email).matches();
    }

    /** The email as stored: trimmed and lower-cased, so one person is one holder. */
    public static String normalEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The language tag as stored ({@code de-ch} → {@code de-CH}), or empty when it is not a tag of a known language
     * (ISO 639) such as {@code en}, {@code de} or {@code fr-CH}.
     */
    public static Optional<String> languageTag(String value) {
        if (value == null || !LANGUAGE_TAG.matcher(value.trim()).matches()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(value.trim());
        return LANGUAGES.contains(locale.getLanguage()) ? Optional.of(locale.toLanguageTag()) : Optional.empty();
    }

    /**
     * @param matches what is known of the matches asked for (unknown ones are absent)
     * @param now the current time; today is taken in the club's zone by the caller
     */
    public static List<Violation> check(NewQuota quota, Map<Long, MatchInfo> matches, LocalDate today, Instant now) {
        List<Violation> violations = new ArrayList<>();
        String email = normalEmail(quota.holderEmail());
        if (email == null || email.isEmpty()) {
            violations.add(Violation.of("holderEmail", "is required"));
        } else if (!isEmail(email)) {
            violations.add(new Violation("holderEmail", "is not an email address", null, quota.holderEmail()));
        }
        if (quota.holderName() == null || quota.holderName().isBlank()) {
            violations.add(Violation.of("holderName", "is required"));
        } else if (quota.holderName().trim().length() > 200) {
            violations.add(Violation.of("holderName", "must be at most 200 characters"));
        }
        List<MatchInfo> known = matches(quota, matches, now, violations);
        sectorsAndQuantity(quota, known, violations);
        if (quota.discountPercent() != null && (quota.discountPercent() < 0 || quota.discountPercent() > 100)) {
            violations.add(new Violation("discountPercent", "must be between 0 and 100", null,
                    quota.discountPercent().toString()));
        }
        if (quota.algorithm() == null || !Set.of("NM", "REDOM").contains(quota.algorithm())) {
            violations.add(new Violation("algorithm", "must be NM (neighbouring seats) or REDOM (random spread)",
                    null, quota.algorithm()));
        }
        if (quota.expiresOn() != null && quota.expiresOn().isBefore(today)) {
            violations.add(new Violation("expiresOn", "is in the past", null, quota.expiresOn().toString()));
        }
        if (quota.locale() != null && !quota.locale().isBlank() && languageTag(quota.locale()).isEmpty()) {
            violations.add(new Violation("locale", "is not a language tag such as en, de or fr-CH", null,
                    quota.locale()));
        }
        return violations;
    }

    private static List<MatchInfo> matches(NewQuota quota, Map<Long, MatchInfo> matches, Instant now,
            List<Violation> violations) {
        List<MatchInfo> known = new ArrayList<>();
        List<Long> ids = quota.matchIds() == null ? List.of() : quota.matchIds();
        if (ids.isEmpty()) {
            violations.add(Violation.of("matchIds", "at least one match is required"));
        } else if (ids.size() > MAX_MATCHES) {
            violations.add(Violation.of("matchIds", "at most " + MAX_MATCHES + " matches at once"));
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            MatchInfo match = id == null ? null : matches.get(id);
            if (id != null && !seen.add(id)) {
                violations.add(new Violation("matchIds", "match " + id + " is listed twice", null, id.toString()));
            } else if (match == null) {
                violations.add(new Violation("matchIds", "unknown match " + id, null, String.valueOf(id)));
            } else if (!match.kickoff().isAfter(now)) {
                violations.add(new Violation("matchIds", "match " + id + " (" + match.name() + ") has started",
                        null, id.toString()));
            } else if (!known.isEmpty() && !known.get(0).venueCode().equals(match.venueCode())) {
                violations.add(new Violation("matchIds", "a group's matches must be at one venue: match " + id
                        + " is at " + match.venueCode() + ", match " + known.get(0).id() + " at "
                        + known.get(0).venueCode(), null, id.toString()));
            } else {
                known.add(match);
            }
        }
        return known;
    }

    private static void sectorsAndQuantity(NewQuota quota, List<MatchInfo> known, List<Violation> violations) {
        List<String> sectors = quota.sectors() == null ? List.of() : quota.sectors();
        if (sectors.isEmpty()) {
            violations.add(Violation.of("sectors", "at least one sector is required"));
        }
        Set<String> seen = new HashSet<>();
        int capacity = 0;
        boolean allKnown = !known.isEmpty();
        for (String sector : sectors) {
            if (sector == null || sector.isBlank()) {
                violations.add(Violation.of("sectors", "a sector code is empty"));
                allKnown = false;
            } else if (!seen.add(sector)) {
                violations.add(new Violation("sectors", "sector " + sector + " is listed twice", null, sector));
            } else if (!known.isEmpty() && !known.get(0).sectorSeats().containsKey(sector)) {
                violations.add(new Violation("sectors", "unknown sector " + sector + " at " + known.get(0).venueCode(),
                        null, sector));
                allKnown = false;
            } else if (!known.isEmpty()) {
                capacity += known.get(0).sectorSeats().get(sector);
            }
        }
        Integer quantity = quota.quantity();
        if (quantity == null || quantity < 1) {
            violations.add(new Violation("quantity", "must be at least 1", null, String.valueOf(quantity)));
        } else if (allKnown && !sectors.isEmpty() && quantity > capacity) {
            violations.add(new Violation("quantity", "is above the " + capacity + " seats the sectors hold", null,
                    quantity.toString()));
        }
    }
}
