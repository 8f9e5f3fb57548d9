package com.stadium.quota.quotaservice.race;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The switch that turns the race protection off cannot be allowed in production: the start fails. */
class RaceProtectionTest {

    @Test
    void theStartFailsWhenTheSwitchIsAllowedInProd() {
        assertThatThrownBy(() -> RaceProtection.requireAllowed(true, List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("suite.race.protection-switch");
        assertThatThrownBy(() -> RaceProtection.requireAllowed(true, List.of("staging")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void devAndTestMayAllowIt() {
        assertThatCode(() -> RaceProtection.requireAllowed(true, List.of("test"))).doesNotThrowAnyException();
        assertThatCode(() -> RaceProtection.requireAllowed(true, List.of("dev"))).doesNotThrowAnyException();
        assertThatCode(() -> RaceProtection.requireAllowed(false, List.of("prod"))).doesNotThrowAnyException();
    }
}
