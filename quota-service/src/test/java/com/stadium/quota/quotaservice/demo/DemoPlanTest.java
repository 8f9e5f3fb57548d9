package com.stadium.quota.quotaservice.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.demo.DemoPlan.Decision;
import com.stadium.quota.quotaservice.demo.DemoPlan.Step;
import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.quotaservice.quota.QuotaState;

class DemoPlanTest {

    static final Map<String, Integer> SECTORS = Map.of("W2", 900, "W3", 900, "W4", 900, "E3", 900,
            "VIP-WEST", 480);
    static final Set<Step> QUOTAS = EnumSet.complementOf(EnumSet.of(Step.SUBQUOTA_TO_GUEST));

    @Test
    void withoutDemoMatchesNothingIsCreatedAndItWaits() {
        assertThat(DemoPlan.next(Set.of(), 0, null)).isEqualTo(new Decision(List.of(), List.of(), false));
    }

    @Test
    void aFreshStartCreatesEveryQuotaAndWaitsForTheSeatsBeforePassingOn() {
        Decision first = DemoPlan.next(Set.of(), 3, null);
        assertThat(first.run()).containsExactly(Step.PAID_WITH_DELEGATE, Step.FREE, Step.GROUP, Step.EXPIRING_SOON,
                Step.SECOND_HOLDER);
        assertThat(first.finished()).isFalse();
        assertThat(DemoPlan.next(QUOTAS, 3, QuotaState.PENDING_ALLOCATION))
                .isEqualTo(new Decision(List.of(), List.of(), false));
        assertThat(DemoPlan.next(QUOTAS, 3, QuotaState.ALLOCATED))
                .isEqualTo(new Decision(List.of(Step.SUBQUOTA_TO_GUEST), List.of(), true));
    }

    @Test
    void whatWasDoneIsNeverDoneAgainWhateverBecameOfIt() {
        assertThat(DemoPlan.next(EnumSet.allOf(Step.class), 3, QuotaState.CANCELLED))
                .isEqualTo(new Decision(List.of(), List.of(), true));
        assertThat(DemoPlan.next(EnumSet.of(Step.FREE, Step.PAID_WITH_DELEGATE), 3, QuotaState.CANCELLED))
                .isEqualTo(new Decision(List.of(Step.GROUP, Step.EXPIRING_SOON, Step.SECOND_HOLDER),
                        List.of(Step.SUBQUOTA_TO_GUEST), true));
    }

    @Test
    void aGroupNeedsTwoMatchesAndIsLeftOutWithOne() {
        Decision decision = DemoPlan.next(Set.of(), 1, null);
        assertThat(decision.run()).doesNotContain(Step.GROUP).contains(Step.PAID_WITH_DELEGATE);
        assertThat(decision.skip()).containsExactly(Step.GROUP);
    }

    @Test
    void theQuotasPassTheRulesOfANormalCreate() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        LocalDate today = LocalDate.parse("2026-12-01");
        List<Long> matches = List.of(7L, 8L, 9L);
        Map<Long, MatchInfo> known = Map.of(
                7L, new MatchInfo(7, "FC Example vs Rivals United", now.plusSeconds(86_400 * 7), "ARENA", SECTORS),
                8L, new MatchInfo(8, "FC Example vs Harbour City", now.plusSeconds(86_400 * 21), "ARENA", SECTORS),
                9L, new MatchInfo(9, "FC Example vs Athletic North", now.plusSeconds(86_400 * 35), "ARENA", SECTORS));
        for (Step step : QUOTAS) {
            NewQuota quota = DemoPlan.quota(step, matches, today);
            assertThat(QuotaRules.check(quota, known, today, now)).as(step.name()).isEmpty();
        }
        assertThat(DemoPlan.quota(Step.PAID_WITH_DELEGATE, matches, today)).satisfies(q -> {
            assertThat(q.delegate()).isTrue();
            assertThat(q.quantity()).isEqualTo(4);
            assertThat(q.matchIds()).containsExactly(7L);
        });
        assertThat(DemoPlan.quota(Step.FREE, matches, today).discountPercent()).isEqualTo(100);
        assertThat(DemoPlan.quota(Step.GROUP, matches, today).matchIds()).containsExactly(7L, 8L);
        assertThat(DemoPlan.quota(Step.EXPIRING_SOON, matches, today).expiresOn()).isEqualTo(today.plusDays(2));
        assertThat(DemoPlan.quota(Step.SECOND_HOLDER, matches, today).holderEmail()).isEqualTo(DemoPlan.SECOND_HOLDER);
        assertThatThrownBy(() -> DemoPlan.quota(Step.SUBQUOTA_TO_GUEST, matches, today))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
