package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.quota.ClaimRules.Attendee;
import com.stadium.quota.quotaservice.quota.ClaimRules.TicketView;
import com.stadium.quota.web.Violation;

class ClaimRulesTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID sold = UUID.randomUUID();
    private final List<TicketView> owned = List.of(new TicketView(first, TicketStatus.ALLOCATED),
            new TicketView(second, TicketStatus.ALLOCATED), new TicketView(sold, TicketStatus.SOLD));

    @Test
    void onlyAllocatedTicketsOfTheQuotaCanBeSelectedEachOnce() {
        assertThat(ClaimRules.select(List.of(first, second), owned)).isEmpty();
        UUID stranger = UUID.randomUUID();
        assertThat(ClaimRules.select(List.of(first, first, sold, stranger), owned)).extracting(Violation::message)
                .containsExactly("ticket is selected twice", "ticket is SOLD, not available",
                        "not a ticket of this quota");
        assertThat(ClaimRules.select(List.of(), owned)).extracting(Violation::message)
                .containsExactly("select at least one ticket");
    }

    @Test
    void everySelectedTicketNeedsItsAttendeeAndTheClaimantTakesAtMostOne() {
        List<UUID> selected = List.of(first, second);
        assertThat(ClaimRules.attendees(ClaimStep.SELECTED, selected, List.of(
                new Attendee(first, "Hal Holder", "Hal@Sponsor.example"),
                new Attendee(second, "Gus Guest", "gus@friends.example")), "hal@sponsor.example")).isEmpty();

        assertThat(ClaimRules.attendees(ClaimStep.SELECTED, selected, List.of(
                new Attendee(first, "Hal Holder", "hal@sponsor.example"),
                new Attendee(second, "Hal Again", "hal@sponsor.example")), "hal@sponsor.example"))
                .extracting(Violation::field).containsExactly("attendees[1].email");

        assertThat(ClaimRules.attendees(ClaimStep.SELECTED, selected, List.of(
                new Attendee(first, "", "not-an-email")), "hal@sponsor.example"))
                .extracting(Violation::field).containsExactly("attendees[0].name", "attendees[0].email", "attendees");
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        assertThat(ClaimRules.attendees(ClaimStep.PAYMENT_PENDING, List.of(first), List.of(), "a@b.example"))
                .extracting(Violation::message)
                .containsExactly("the claim is payment_pending; this step needs it selected");
        assertThat(ClaimRules.isOutOfOrder(ClaimRules.attendees(ClaimStep.COMPLETED, List.of(first), List.of(),
                "a@b.example"))).isTrue();
        assertThat(ClaimRules.attendees(ClaimStep.ATTENDEES_GIVEN, List.of(first),
                List.of(new Attendee(first, "Ada", "ada@b.example")), "a@b.example")).isEmpty();
        assertThat(ClaimRules.pay(ClaimStep.SELECTED, false)).extracting(Violation::field).containsExactly("payment");
        assertThat(ClaimRules.pay(ClaimStep.ATTENDEES_GIVEN, false)).isEmpty();
    }

    @Test
    void aMasqueradingAdminCannotCompleteAPayment() {
        assertThat(ClaimRules.pay(ClaimStep.ATTENDEES_GIVEN, true)).extracting(Violation::message)
                .containsExactly("an admin acting as the holder cannot complete a payment");
    }

    @Test
    void freeTicketsSkipThePayment() {
        assertThat(ClaimRules.afterAttendees(100, 0)).isEqualTo(ClaimStep.COMPLETED);
        assertThat(ClaimRules.afterAttendees(99, 0)).isEqualTo(ClaimStep.COMPLETED);
        assertThat(ClaimRules.afterAttendees(99, 1)).isEqualTo(ClaimStep.ATTENDEES_GIVEN);
    }

    @Test
    void thePaymentsAnswerSellsOrReleasesOnceAndARepeatedAnswerChangesNothing() {
        assertThat(ClaimRules.paymentResult(ClaimStep.PAYMENT_PENDING, true)).isEqualTo(ClaimStep.COMPLETED);
        assertThat(ClaimRules.paymentResult(ClaimStep.PAYMENT_PENDING, false)).isEqualTo(ClaimStep.RELEASED);
        assertThat(ClaimRules.paymentResult(ClaimStep.COMPLETED, false)).isEqualTo(ClaimStep.COMPLETED);
        assertThat(ClaimRules.paymentResult(ClaimStep.RELEASED, true)).isEqualTo(ClaimStep.RELEASED);
    }

    @Test
    void aLapsedHoldReleasesClaimsNotYetAtThePaymentService() {
        Instant selectedAt = Instant.parse("2026-11-25T10:00:00Z");
        Instant expiry = ClaimRules.holdExpiry(selectedAt, Duration.ofMinutes(15));
        assertThat(expiry).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
        assertThat(ClaimRules.releasedByExpiry(ClaimStep.SELECTED, expiry, expiry.minusSeconds(1))).isFalse();
        assertThat(ClaimRules.releasedByExpiry(ClaimStep.ATTENDEES_GIVEN, expiry, expiry)).isTrue();
        assertThat(ClaimRules.releasedByExpiry(ClaimStep.PAYMENT_PENDING, expiry, expiry.plusSeconds(60))).isFalse();
        assertThat(ClaimRules.releasedByExpiry(ClaimStep.COMPLETED, expiry, expiry.plusSeconds(60))).isFalse();
    }

    @Test
    void aCardShowsTheHoldOnlyWhileItsTicketIsReservedBeforeThePayment() {
        Instant until = Instant.parse("2026-12-01T18:00:00Z");
        assertThat(ClaimRules.holdShown(TicketStatus.RESERVED, ClaimStep.SELECTED, until)).isEqualTo(until);
        assertThat(ClaimRules.holdShown(TicketStatus.RESERVED, ClaimStep.ATTENDEES_GIVEN, until)).isEqualTo(until);
        assertThat(ClaimRules.holdShown(TicketStatus.RESERVED, ClaimStep.PAYMENT_PENDING, until)).isNull();
        assertThat(ClaimRules.holdShown(TicketStatus.SOLD, ClaimStep.COMPLETED, until)).isNull();
        assertThat(ClaimRules.holdShown(TicketStatus.ALLOCATED, ClaimStep.SELECTED, until)).isNull();
    }
}
