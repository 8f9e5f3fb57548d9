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

/** One claim of a quota's tickets; its tickets point at it while RESERVED or SOLD. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "quota_id", nullable = false)
    public UUID quotaId;

    @Column(name = "claimant_email", nullable = false)
    public String claimantEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStep step;

    @Column(name = "hold_expires_at", nullable = false)
    public Instant holdExpiresAt;

    /** What the claimant pays in all, after the quota's discount. */
    @Column(name = "amount_cents", nullable = false)
    public int amountCents;

    @Column(name = "payment_id")
    public String paymentId;

    /** When a payment still pending is given up. */
    @Column(name = "payment_deadline")
    public Instant paymentDeadline;

    /** Where the payer goes back to after the payment page; the first one asked for stays. */
    @Column(name = "return_url")
    public String returnUrl;

    @Column(name = "released_because")
    public String releasedBecause;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
