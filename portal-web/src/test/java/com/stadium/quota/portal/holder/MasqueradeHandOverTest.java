package com.stadium.quota.portal.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class MasqueradeHandOverTest {

    private static final Instant NOW = Instant.parse("2027-03-14T12:00:00Z");
    private final MasqueradeHandOver instanceA = new MasqueradeHandOver("a-secret-shared-by-all-portals", at(NOW));
    private final MasqueradeHandOver instanceB = new MasqueradeHandOver("a-secret-shared-by-all-portals", at(NOW));

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void anyInstanceWithTheSameSecretFinishesWhatAnotherStarted() {
        String cookie = instanceA.seal("admin.access.token", "holder2@club.example");
        MasqueradeHandOver.Pending pending = instanceB.open(cookie).orElseThrow();
        assertThat(pending.adminAccessToken()).isEqualTo("admin.access.token");
        assertThat(pending.holderEmail()).isEqualTo("holder2@club.example");
        assertThat(cookie).doesNotContain("holder2").doesNotContain("admin.access");
    }

    @Test
    void aLapsedTamperedOrForeignCookieOpensNothing() {
        String cookie = instanceA.seal("admin.access.token", "holder2@club.example");
        MasqueradeHandOver later = new MasqueradeHandOver("a-secret-shared-by-all-portals",
                at(NOW.plus(MasqueradeHandOver.LIFETIME).plus(Duration.ofSeconds(1))));
        assertThat(later.open(cookie)).isEmpty();

        byte[] bytes = Base64.getUrlDecoder().decode(cookie);
        bytes[bytes.length - 1] ^= 1;
        assertThat(instanceB.open(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
        assertThat(new MasqueradeHandOver("another-deployments-secret", at(NOW)).open(cookie)).isEmpty();
        assertThat(instanceB.open("not base64 !")).isEmpty();
        assertThat(instanceB.open("")).isEmpty();
        assertThat(instanceB.open(null)).isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new MasqueradeHandOver("short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
