package com.stadium.quota.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void takesTheCallersRequestId() {
        assertThat(CorrelationIds.choose("req-2026.11_30-abc", null)).isEqualTo("req-2026.11_30-abc");
        assertThat(CorrelationIds.choose("  portal-1234  ", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("portal-1234");
    }

    @Test
    void takesTheTraceIdOfATraceparentWhenThereIsNoRequestId() {
        assertThat(CorrelationIds.choose(null, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void makesANewOneForOddOrMissingHeaders() {
        String fresh = CorrelationIds.choose(null, null);
        assertThat(fresh).matches("[0-9a-f]{32}");
        assertThat(CorrelationIds.choose(null, null)).isNotEqualTo(fresh);
        // what lands in logs and pages is never taken from outside as it is
        assertThat(CorrelationIds.choose("<script>alert(1)</script>", null)).matches("[0-9a-f]{32}");
        assertThat(CorrelationIds.choose("a\nFAKE LOG LINE", null)).matches("[0-9a-f]{32}");
        assertThat(CorrelationIds.choose("x".repeat(65), null)).matches("[0-9a-f]{32}");
        assertThat(CorrelationIds.choose("short", null)).matches("[0-9a-f]{32}");
        // the all-zero trace id is invalid by the W3C rules
        assertThat(CorrelationIds.choose(null, "00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(CorrelationIds.choose(null, "garbage")).matches("[0-9a-f]{32}");
    }
}
