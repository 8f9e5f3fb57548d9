package com.stadium.quota.allocation.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.stadium.quota.allocation.inventory.MatchOwnership;

class AnswerReadinessTest {

    private WarmUp.Done warm;

    private AnswerReadiness readiness(MatchOwnership ownership) {
        AnswerReadiness readiness = new AnswerReadiness();
        readiness.ownership = ownership;
        readiness.warmUp = new WarmUp() {
            @Override
            public Done done() {
                return warm;
            }
        };
        return readiness;
    }

    @Test
    void downUntilTheConsumersHaveJoinedAndTheWarmUpIsOverThenUpThroughLaterRebalances() {
        MatchOwnership ownership = new MatchOwnership();
        AnswerReadiness readiness = readiness(ownership);
        assertThat(readiness.call().getStatus()).as("just started").isEqualTo(HealthCheckResponse.Status.DOWN);

        warm = new WarmUp.Done(2000, 1200, 0, 0);
        assertThat(readiness.call().getStatus()).as("warm, not joined yet")
                .isEqualTo(HealthCheckResponse.Status.DOWN);

        ownership.assigned(List.of(0, 1, 2), 3);
        ownership.holding(MatchOwnership.CONSUMED, true);
        HealthCheckResponse ready = readiness.call();
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ready.getName()).isEqualTo("allocation-requests");
        assertThat(ready.getData().orElseThrow()).containsEntry("partitions", "[0, 1, 2]")
                .containsEntry("warmUpRequests", 2000L);

        ownership.holding(Set.of("allocation-requests"), false);
        ownership.revoked(List.of(0, 1, 2));
        assertThat(readiness.call().getStatus()).as("a rebalance while running")
                .isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void joinedButStillWarmingUpIsNotReady() {
        MatchOwnership ownership = new MatchOwnership();
        ownership.holding(MatchOwnership.CONSUMED, true);
        assertThat(readiness(ownership).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
