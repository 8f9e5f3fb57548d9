package com.stadium.quota.allocation.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

class MatchCheckTest {

    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Instant nextWeek = now.plusSeconds(7 * 86_400);

    @Test
    void aMatchWithAPriceForEveryCategoryInTheFutureIsAccepted() {
        assertThatCode(() -> MatchCheck.check(new MatchCheck.NewMatch("CUP-1", "Cup final", "ARENA", nextWeek,
                Map.of("CAT1", 5000, "VIP", 20000)), Set.of("CAT1", "VIP"), now)).doesNotThrowAnyException();
    }

    @Test
    void pastKickoffMissingAndUnknownCategoriesAreAllNamed() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, () -> MatchCheck.check(
                new MatchCheck.NewMatch("CUP-1", "Cup final", "ARENA", now.minusSeconds(60),
                        Map.of("CAT1", -5, "CAT9", 100)), Set.of("CAT1", "VIP"), now));
        assertThat(refusal.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "kickoff", "pricesCents.CAT1", "pricesCents.CAT9", "pricesCents.VIP");
    }

    @Test
    void anUnknownVenueIsNamed() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, () -> MatchCheck.check(
                new MatchCheck.NewMatch("CUP-1", "Cup final", "NOWHERE", nextWeek, Map.of()), null, now));
        assertThat(refusal.violations()).containsExactly(new Violation("venueCode", "no such venue", null, "NOWHERE"));
    }
}
