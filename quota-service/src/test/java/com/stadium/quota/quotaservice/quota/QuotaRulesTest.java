package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stadium.quota.web.Violation;

class QuotaRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final MatchInfo CUP = new MatchInfo(1, "FC Example vs Rivals", NOW.plusSeconds(86_400 * 7), "ARENA",
            Map.of("W1", 100, "W2", 50));
    private static final MatchInfo LEAGUE = new MatchInfo(2, "FC Example vs Harbour", NOW.plusSeconds(86_400 * 14),
            "ARENA", Map.of("W1", 100, "W2", 50));
    private static final MatchInfo STARTED = new MatchInfo(3, "Yesterday", NOW.minusSeconds(3600), "ARENA",
            Map.of("W1", 100));
    private static final MatchInfo AWAY = new MatchInfo(4, "Away", NOW.plusSeconds(86_400), "OTHER", Map.of("W1", 9));
    private static final Map<Long, MatchInfo> MATCHES = Map.of(1L, CUP, 2L, LEAGUE, 3L, STARTED, 4L, AWAY);

    private static NewQuota quota(List<Long> matches, List<String> sectors, Integer quantity) {
        return new NewQuota("Ada@Sponsor.example ", "Ada Sponsor", matches, sectors, quantity, 20, "NM",
                TODAY.plusDays(10), true, false, false, false, null);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void aCompleteQuotaForKnownMatchesAndSectorsPasses() {
        assertThat(QuotaRules.check(quota(List.of(1L, 2L), List.of("W2", "W1"), 150), MATCHES, TODAY, NOW)).isEmpty();
    }

    @Test
    void emailsAreComparedTrimmedAndLowerCased() {
        assertThat(QuotaRules.normalEmail("  Ada@Sponsor.Example ")).isEqualTo("ada@sponsor.example");
    }

    @Test
    void everyMissingFieldIsNamed() {
        List<Violation> violations = QuotaRules.check(
                new NewQuota(null, " ", null, null, null, null, null, null, null, null, null, null, null), MATCHES,
                TODAY,
                NOW);
        assertThat(fields(violations)).containsExactlyInAnyOrder("holderEmail", "holderName", "matchIds", "sectors",
                "quantity", "algorithm");
    }

    @Test
    void malformedEmailsAreRefused() {
        for (String email : List.of("ada", "ada@", "@sponsor.example", "ada@sponsor", "a da@sponsor.example")) {
            NewQuota quota = new NewQuota(email, "Ada", List.of(1L), List.of("W1"), 2, 0, "NM", null, null, null,
                    null, null, null);
            assertThat(QuotaRules.check(quota, MATCHES, TODAY, NOW)).as(email)
                    .containsExactly(new Violation("holderEmail", "is not an email address", null, email));
        }
    }

    @Test
    void unknownStartedOrRepeatedMatchesAreNamed() {
        List<Violation> violations = QuotaRules.check(quota(List.of(1L, 99L, 3L, 1L), List.of("W1"), 2), MATCHES,
                TODAY, NOW);
        assertThat(violations).extracting(Violation::message).containsExactly("unknown match 99",
                "match 3 (Yesterday) has started", "match 1 is listed twice");
    }

    @Test
    void aGroupStaysAtOneVenue() {
        assertThat(QuotaRules.check(quota(List.of(1L, 4L), List.of("W1"), 2), MATCHES, TODAY, NOW))
                .extracting(Violation::message)
                .containsExactly("a group's matches must be at one venue: match 4 is at OTHER, match 1 at ARENA");
    }

    @Test
    void unknownAndRepeatedSectorsAreNamed() {
        assertThat(QuotaRules.check(quota(List.of(1L), List.of("W1", "Z9", "W1"), 2), MATCHES, TODAY, NOW))
                .extracting(Violation::message)
                .containsExactly("unknown sector Z9 at ARENA", "sector W1 is listed twice");
    }

    @Test
    void quantityMustBePositiveAndFitTheSectors() {
        assertThat(QuotaRules.check(quota(List.of(1L), List.of("W2"), 0), MATCHES, TODAY, NOW))
                .containsExactly(new Violation("quantity", "must be at least 1", null, "0"));
        assertThat(QuotaRules.check(quota(List.of(1L), List.of("W2"), 51), MATCHES, TODAY, NOW))
                .containsExactly(new Violation("quantity", "is above the 50 seats the sectors hold", null, "51"));
        assertThat(QuotaRules.check(quota(List.of(1L), List.of("W2", "W1"), 150), MATCHES, TODAY, NOW)).isEmpty();
    }

    @Test
    void discountOutOfRangeAlgorithmUnknownAndPastExpirationAreRefused() {
        NewQuota quota = new NewQuota("ada@sponsor.example", "Ada", List.of(1L), List.of("W1"), 2, 101, "BEST",
                TODAY.minusDays(1), null, null, null, null, "english");
        assertThat(fields(QuotaRules.check(quota, MATCHES, TODAY, NOW)))
                .containsExactlyInAnyOrder("discountPercent", "algorithm", "expiresOn", "locale");
        NewQuota negative = new NewQuota("ada@sponsor.example", "Ada", List.of(1L), List.of("W1"), 2, -1, "REDOM",
                TODAY, null, null, null, null, null);
        assertThat(fields(QuotaRules.check(negative, MATCHES, TODAY, NOW))).containsExactly("discountPercent");
    }

    @Test
    void aLanguageIsAKnownLanguageTagAndIsStoredInItsUsualCase() {
        assertThat(QuotaRules.languageTag("de")).contains("de");
        assertThat(QuotaRules.languageTag(" fr-ch ")).contains("fr-CH");
        assertThat(QuotaRules.languageTag("english")).isEmpty();
        assertThat(QuotaRules.languageTag("xx")).as("not an ISO 639 language").isEmpty();
        assertThat(QuotaRules.languageTag("de_DE")).isEmpty();
        assertThat(QuotaRules.languageTag(null)).isEmpty();
        NewQuota german = new NewQuota("ada@sponsor.example", "Ada", List.of(1L), List.of("W1"), 2, 0, "NM", null,
                null, null, null, null, "de-AT");
        assertThat(QuotaRules.check(german, MATCHES, TODAY, NOW)).isEmpty();
    }
}
