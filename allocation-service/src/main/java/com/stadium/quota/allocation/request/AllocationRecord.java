package com.stadium.quota.allocation.request;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The result given to a request id, kept so that asking again gets the same answer and holds nothing twice. */
@Entity
@Table(name = "allocation")
public class AllocationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public long seed;

    /** The allocation.completed payload as sent. */
    @Column(nullable = false, columnDefinition = "text")
    public String result;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
