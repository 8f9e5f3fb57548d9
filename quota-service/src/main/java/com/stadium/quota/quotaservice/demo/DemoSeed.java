package com.stadium.quota.quotaservice.demo;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A demo step that was done (or given up): written in the same transaction as what it created. */
@Entity
@Table(name = "demo_seed")
public class DemoSeed extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public DemoPlan.Step step;

    /** The quota the step created; null when it was skipped. */
    @Column(name = "quota_id")
    public UUID quotaId;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "done_at", nullable = false)
    public Instant doneAt;
}
