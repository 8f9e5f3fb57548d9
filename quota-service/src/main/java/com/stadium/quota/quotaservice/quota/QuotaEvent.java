package com.stadium.quota.quotaservice.quota;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a transition of a {@link Quota} did, as plain values: the application services turn these into the audit
 * trail, {@code quota.changed}, seat messages for allocation-service and messages to people.
 */
public sealed interface QuotaEvent {

    /** The quota the event happened to. */
    UUID quotaId();

    /** Seats held: the quota is ALLOCATED or PARTIALLY_ALLOCATED with {@code seats} ALLOCATED tickets. */
    record Allocated(UUID quotaId, QuotaState state, int seats, int unfulfilled, Long seed) implements QuotaEvent {
    }

    /** Too few free seats, or the request was rejected: nothing is held. */
    record AllocationFailed(UUID quotaId, Integer freeSeats, String reason) implements QuotaEvent {
    }

    /** Seats that arrived for a quota cancelled while it waited: they go straight back to the inventory. */
    record SeatsReturned(UUID quotaId, long matchId, List<Long> seatIds) implements QuotaEvent {
    }

    /** Step 1 of a claim: the tickets are RESERVED for the claim until {@code holdExpiresAt}. */
    record TicketsReserved(UUID quotaId, UUID claimId, List<UUID> ticketIds, Instant holdExpiresAt)
            implements QuotaEvent {
    }

    /** Step 2: every ticket of the claim has its attendee; {@code amountCents} is what the payment asks. */
    record AttendeesNamed(UUID quotaId, UUID claimId, int amountCents) implements QuotaEvent {
    }

    /** Step 3 began: the claim waits for its payment (PAYMENT_PENDING); the provider is asked after the commit. */
    record PaymentRequested(UUID quotaId, UUID claimId, int amountCents) implements QuotaEvent {
    }

    /** The provider's payment for the claim is known. */
    record PaymentStarted(UUID quotaId, UUID claimId, String paymentId, int amountCents) implements QuotaEvent {
    }

    /** A sold ticket with its seat and attendee. */
    record SoldTicket(UUID ticketId, long seatId, String sector, String row, String seat, String attendeeName,
            String attendeeEmail, int paidCents) {
    }

    /** The claim completed (paid or free): its tickets are SOLD. */
    record TicketsSold(UUID quotaId, UUID claimId, String claimantEmail, int paidCents, List<SoldTicket> tickets)
            implements QuotaEvent {
    }

    /** The claim ended without a sale ({@code because}): its tickets are ALLOCATED again. */
    record TicketsReleased(UUID quotaId, UUID claimId, String because, int tickets) implements QuotaEvent {
    }

    /** Tickets passed on to a new subquota, with the holder's own words to the recipient (or null). */
    record TicketsPassedOn(UUID quotaId, UUID subquotaId, String recipientEmail, String recipientName,
            List<UUID> ticketIds, String personalMessage) implements QuotaEvent {
    }

    /** A subquota's ALLOCATED tickets came back to this quota; {@code subquotaClosed} when it has none left. */
    record TicketsRetracted(UUID quotaId, UUID subquotaId, int tickets, boolean subquotaClosed)
            implements QuotaEvent {
    }

    /**
     * The quota is CANCELLED: {@code outcome} names the tickets cancelled and those refunded; the unfulfilled rest
     * that was cancelled with it.
     */
    record Cancelled(UUID quotaId, CancellationScope scope, CancellationPlan.Outcome outcome, int unfulfilledCancelled)
            implements QuotaEvent {
    }

    /**
     * A SOLD ticket has a new attendee ({@code ticket} names them and the seat); {@code attendeeVersion} is the
     * ticket's new one, so codes signed before are void.
     */
    record TicketReassigned(UUID quotaId, SoldTicket ticket, String previousName, String previousEmail,
            int attendeeVersion) implements QuotaEvent {
    }
}
