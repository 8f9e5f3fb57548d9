package com.stadium.quota.quotaservice.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A quota as stored; the rules that change it live in plain Java beside it. */
@Entity
@Table(name = "quota")
public class Quota extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "match_id", nullable = false)
    public long matchId;

    @Column(name = "holder_email", nullable = false)
    public String holderEmail;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    /** Sector codes in order of preference, separated by {@code ;}. */
    @Column(nullable = false)
    public String sectors;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "discount_percent", nullable = false)
    public int discountPercent;

    @Column(nullable = false)
    public String algorithm;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "may_delegate", nullable = false)
    public boolean mayDelegate;

    @Column(nullable = false)
    public boolean transferable;

    @Column(name = "allow_partial", nullable = false)
    public boolean allowPartial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuotaState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The holder's quota when this one is a subquota. */
    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "match_name", nullable = false)
    public String matchName;

    @Column(name = "kickoff")
    public Instant kickoff;

    @Column(name = "include_accessible", nullable = false)
    public boolean includeAccessible;

    @Column(name = "allocation_request_id")
    public UUID allocationRequestId;

    /** REDOM's seed as allocation-service used it, to replay the draw. */
    @Column(name = "seed")
    public Long seed;

    /** Seats asked for but not held (partial allocation). */
    @Column(nullable = false)
    public int unfulfilled;

    /** For a failed allocation: the seats that were free. */
    @Column(name = "free_seats")
    public Integer freeSeats;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancellation_scope")
    public String cancellationScope;

    @Version
    public long version;

    /** The quota allocation-service holds the seats under: a subquota's seats are still its parent's there. */
    public UUID inventoryHolder() {
        return parentId != null ? parentId : id;
    }

    public java.util.List<String> sectorList() {
        return java.util.List.of(sectors.split(";"));
    }
}
