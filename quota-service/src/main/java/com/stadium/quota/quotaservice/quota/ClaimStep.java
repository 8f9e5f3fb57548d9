package com.stadium.quota.quotaservice.quota;

/** Where a claim stands; each step may only follow the one before it. */
public enum ClaimStep {
    /** Tickets chosen and RESERVED until the hold expires. */
    SELECTED,
    /** Every ticket has its attendee. */
    ATTENDEES_GIVEN,
    /** The payment service was asked for the money. */
    PAYMENT_PENDING,
    /** Paid (or free): the tickets are SOLD. */
    COMPLETED,
    /** Payment failed, was abandoned, or the hold expired: the tickets are ALLOCATED again. */
    RELEASED
}
