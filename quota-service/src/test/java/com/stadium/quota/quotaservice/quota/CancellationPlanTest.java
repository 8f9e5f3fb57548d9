package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.quota.CancellationPlan.TicketView;

class CancellationPlanTest {

    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Instant upcoming = now.plusSeconds(86_400);
    private final Instant started = now.minusSeconds(600);

    private final TicketView allocated = ticket(TicketStatus.ALLOCATED, upcoming, null);
    private final TicketView reserved = ticket(TicketStatus.RESERVED, upcoming, null);
    private final TicketView paid = ticket(TicketStatus.SOLD, upcoming, 6800);
    private final TicketView free = ticket(TicketStatus.SOLD, upcoming, 0);
    private final TicketView alreadyCancelled = ticket(TicketStatus.CANCELLED, upcoming, null);
    private final List<TicketView> everyStatus = List.of(allocated, reserved, paid, free, alreadyCancelled);

    private static TicketView ticket(TicketStatus status, Instant kickoff, Integer paidCents) {
        return new TicketView(UUID.randomUUID(), status, kickoff, paidCents);
    }

    @Test
    void unfulfilledOnlyEndsEveryTicketNotSoldAndKeepsSoldOnes() {
        CancellationPlan.Outcome outcome = CancellationPlan.plan(everyStatus, CancellationScope.UNFULFILLED_ONLY, now);
        assertThat(outcome.cancelled()).containsExactlyInAnyOrder(allocated.id(), reserved.id());
        assertThat(outcome.refunded()).isEmpty();
        assertThat(outcome.soldKept()).isEqualTo(2);
        assertThat(outcome.cancelledByStatus()).containsEntry(TicketStatus.ALLOCATED, 1)
                .containsEntry(TicketStatus.RESERVED, 1).containsEntry(TicketStatus.SOLD, 0);
    }

    @Test
    void allUnusedAlsoEndsSoldTicketsAndRefundsOnlyPaidOnes() {
        CancellationPlan.Outcome outcome = CancellationPlan.plan(everyStatus, CancellationScope.ALL_UNUSED, now);
        assertThat(outcome.cancelled()).containsExactlyInAnyOrder(allocated.id(), reserved.id(), paid.id(), free.id());
        assertThat(outcome.refunded()).containsExactly(paid);
        assertThat(outcome.soldKept()).isZero();
    }

    @Test
    void soldTicketsOfAStartedMatchStayValidEvenWithAllUnused() {
        TicketView used = ticket(TicketStatus.SOLD, started, 6800);
        TicketView open = ticket(TicketStatus.ALLOCATED, started, null);
        CancellationPlan.Outcome outcome = CancellationPlan.plan(List.of(used, open), CancellationScope.ALL_UNUSED,
                now);
        assertThat(outcome.cancelled()).containsExactly(open.id());
        assertThat(outcome.soldKept()).isEqualTo(1);
        assertThat(outcome.refunded()).isEmpty();
    }
}
