package com.stadium.quota.quotaservice.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final Instant now = Instant.parse("2026-11-30T09:00:00Z");
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, Duration.ofSeconds(60));

    @Test
    void aKeptTokenIsFoundUntilItsExpiryAndNotAtIt() {
        Instant expiry = now.plusSeconds(30);
        assertThat(tokens.remember("token-a", "holder A", expiry, now)).isTrue();

        assertThat(tokens.find("token-a", now.plusSeconds(29))).isEqualTo("holder A");
        assertThat(tokens.find("token-a", expiry)).isNull();
        // gone for good: an earlier clock does not bring it back
        assertThat(tokens.find("token-a", now)).isNull();
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterMaxAge() {
        tokens.remember("token-a", "holder A", now.plusSeconds(300), now);

        assertThat(tokens.find("token-a", now.plusSeconds(59))).isEqualTo("holder A");
        assertThat(tokens.find("token-a", now.plusSeconds(60))).isNull();
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        assertThat(tokens.remember("no-exp", "holder A", null, now)).isFalse();
        assertThat(tokens.remember("expired", "holder A", now, now)).isFalse();
        assertThat(tokens.remember("expired", "holder A", now.minusSeconds(1), now)).isFalse();
        assertThat(tokens.remember("", "holder A", now.plusSeconds(30), now)).isFalse();
        assertThat(tokens.remember("no-identity", null, now.plusSeconds(30), now)).isFalse();

        assertThat(tokens.find("no-exp", now)).isNull();
        assertThat(tokens.find("expired", now)).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheExactTokenFindsItsIdentity() {
        tokens.remember("header.payload.signature", "holder A", now.plusSeconds(30), now);
        tokens.remember("header.payload-of-b.signature-of-b", "holder B", now.plusSeconds(30), now);

        assertThat(tokens.find("header.payload.signature", now)).isEqualTo("holder A");
        assertThat(tokens.find("header.payload-of-b.signature-of-b", now)).isEqualTo("holder B");
        assertThat(tokens.find("header.payload.signaturX", now)).isNull();
        assertThat(tokens.find("header.payload-of-b.signature", now)).isNull();
        assertThat(tokens.find("HEADER.payload.signature", now)).isNull();
        assertThat(tokens.find(null, now)).isNull();
    }

    @Test
    void atMostMaxSizeTokensAreKept() {
        for (int i = 0; i < 20; i++) {
            tokens.remember("token-" + i, "holder " + i, now.plusSeconds(30), now);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aMaxSizeOfZeroKeepsNothing() {
        VerifiedTokens<String> none = new VerifiedTokens<>(0, Duration.ofSeconds(60));
        none.remember("token-a", "holder A", now.plusSeconds(30), now);

        assertThat(none.find("token-a", now)).isNull();
    }
}
