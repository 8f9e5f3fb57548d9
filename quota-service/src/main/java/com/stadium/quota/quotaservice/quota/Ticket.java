package com.stadium.quota.quotaservice.quota;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One seat of a quota at its match. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "quota_id", nullable = false)
    public UUID quotaId;

    @Column(name = "match_id", nullable = false)
    public long matchId;

    @Column(name = "seat_id", nullable = false)
    public long seatId;

    @Column(nullable = false)
    public String sector;

    @Column(name = "row_label", nullable = false)
    public String rowLabel;

    @Column(name = "seat_label", nullable = false)
    public String seatLabel;

    public String category;

    /** Full price at the match, before the quota's discount. */
    @Column(name = "price_cents")
    public Integer priceCents;

    /** What was paid, once sold. */
    @Column(name = "paid_cents")
    public Integer paidCents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    /** The claim that reserved or sold the ticket. */
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "attendee_name")
    public String attendeeName;

    @Column(name = "attendee_email")
    public String attendeeEmail;

    /**
     * Which attendee the ticket's signed code names: a re-assignment or the cancellation of a sold ticket counts it
     * up, so every code signed with an older value is void.
     */
    @Column(name = "attendee_version", nullable = false)
    public int attendeeVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What the ticket costs with the quota's discount, to the cent; null when the price is unknown. */
    public Integer priceAfter(int discountPercent) {
        return priceCents == null ? null : Math.toIntExact(Math.round(priceCents * (100 - discountPercent) / 100.0));
    }
}
