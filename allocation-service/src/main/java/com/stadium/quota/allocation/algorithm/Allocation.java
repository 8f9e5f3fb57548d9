package com.stadium.quota.allocation.algorithm;

import java.util.List;

/**
 * The outcome of one allocation.
 *
 * @param seats plan indexes of the seats chosen, ascending; empty unless allocated
 * @param freeSeats seats that were free for this request (in its sectors, in every match)
 * @param reason why nothing was held, for FAILED and REJECTED
 * @param rule the rule that chose the seats; null when none were chosen
 */
public record Allocation(Outcome outcome, int requested, List<Integer> seats, int freeSeats, String reason,
        Rule rule) {

    public enum Outcome {
        /** Every seat asked for is held. */
        ALLOCATED,
        /** Fewer seats were free than asked and partial was allowed: all free ones are held. */
        PARTIALLY_ALLOCATED,
        /** Fewer seats were free than asked and partial was not allowed: nothing is held. */
        FAILED,
        /** The request itself is wrong (unknown sector, quantity below one): nothing is held. */
        REJECTED
    }

    public Allocation {
        seats = List.copyOf(seats);
    }

    public int unfulfilled() {
        return requested - seats.size();
    }

    static Allocation failed(int requested, int free) {
        return new Allocation(Outcome.FAILED, requested, List.of(), free,
                "only " + free + " of " + requested + " seats are free in the chosen sectors", null);
    }

    static Allocation rejected(int requested, String reason) {
        return new Allocation(Outcome.REJECTED, requested, List.of(), 0, reason, null);
    }
}
