package com.stadium.quota.allocation.report;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored seat-quality report of one allocation request (table allocation_report). */
@Entity
@Table(name = "allocation_report")
public class AllocationReportRecord extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "venue_id")
    public Long venueId;

    public String algorithm;

    @Column(nullable = false)
    public String outcome;

    @Column(columnDefinition = "text")
    public String reason;

    public String rule;

    public int requested;

    public int allocated;

    @Column(name = "free_seats")
    public int freeSeats;

    public int blocks;

    @Column(name = "rows_used")
    public int rowsUsed;

    @Column(name = "sectors_used")
    public int sectorsUsed;

    @Column(name = "orphans_created")
    public int orphansCreated;

    @Column(name = "mean_quality")
    public double meanQuality;

    @Column(name = "seat_ids", nullable = false, columnDefinition = "text")
    public String seatIds;

    @Column(columnDefinition = "text")
    public String inputs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
