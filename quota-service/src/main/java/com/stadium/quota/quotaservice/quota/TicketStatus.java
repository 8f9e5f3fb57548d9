package com.stadium.quota.quotaservice.quota;

/** A ticket's status (DESIGN.md, "Ticket status"). */
public enum TicketStatus {
    ALLOCATED,
    RESERVED,
    SOLD,
    CANCELLED
}
