package com.stadium.quota.quotaservice.audit;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "quota_id")
    public UUID quotaId;

    @Column(nullable = false)
    public Instant at;

    /** Who acted: a user name from the token, or a service for automatic changes. */
    @Column(nullable = false)
    public String actor;

    /** The holder an admin acted for while masquerading. */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    @Column(nullable = false)
    public String action;

    /** What exactly, as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String details;
}
