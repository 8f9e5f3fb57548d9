package com.stadium.quota.quotaservice.quota;

/** Where a quota stands with its seats (DESIGN.md, "Ticket status"). */
public enum QuotaState {
    PENDING_ALLOCATION,
    ALLOCATED,
    PARTIALLY_ALLOCATED,
    ALLOCATION_FAILED,
    CANCELLED
}
