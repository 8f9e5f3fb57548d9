package com.stadium.quota.allocation.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/** The rules a new match must meet; every violation is reported at once. */
public final class MatchCheck {

    static final int MAX_PRICE_CENTS = 10_000_000;

    private MatchCheck() {
    }

    /** What an admin sends to create a match; prices are per sector category, in cents. */
    public record NewMatch(String code, String name, String venueCode, Instant kickoff,
            Map<String, Integer> pricesCents) {
    }

    /**
     * @param venueCategories the categories of the venue's sectors, or null when the venue is unknown
     */
    public static void check(NewMatch match, Set<String> venueCategories, Instant now) {
        if (match == null) {
            throw InvalidInput.of("body", "a match is required");
        }
        List<Violation> violations = new ArrayList<>();
        if (match.code() == null || !match.code().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,49}")) {
            violations.add(new Violation("code", "is required: letters, digits, '-' or '_', at most 50", null,
                    match.code()));
        }
        if (match.name() == null || match.name().isBlank() || match.name().length() > 200) {
            violations.add(Violation.of("name", "is required, at most 200 characters"));
        }
        if (venueCategories == null) {
            violations.add(new Violation("venueCode", "no such venue", null, match.venueCode()));
        }
        if (match.kickoff() == null) {
            violations.add(Violation.of("kickoff", "is required (ISO-8601, e.g. 2027-03-14T18:30:00Z)"));
        } else if (!match.kickoff().isAfter(now)) {
            violations.add(new Violation("kickoff", "must be in the future", null, match.kickoff().toString()));
        }
        Map<String, Integer> prices = match.pricesCents() == null ? Map.of() : match.pricesCents();
        prices.forEach((category, cents) -> {
            if (venueCategories != null && !venueCategories.contains(category)) {
                violations.add(new Violation("pricesCents." + category, "the venue has no sector of this category",
                        null, String.valueOf(cents)));
            } else if (cents == null || cents < 0 || cents > MAX_PRICE_CENTS) {
                violations.add(new Violation("pricesCents." + category,
                        "must be between 0 and " + MAX_PRICE_CENTS + " cents", null, String.valueOf(cents)));
            }
        });
        if (venueCategories != null) {
            Set<String> missing = new TreeSet<>(venueCategories);
            missing.removeAll(prices.keySet());
            missing.forEach(category -> violations.add(
                    Violation.of("pricesCents." + category, "every sector category of the venue needs a price")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
