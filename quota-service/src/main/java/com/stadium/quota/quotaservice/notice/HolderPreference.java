package com.stadium.quota.quotaservice.notice;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a person asked for in their messages, by email (lower case): so far their language. */
@Entity
@Table(name = "holder_preference")
public class HolderPreference extends PanacheEntityBase {

    @Id
    public String email;

    /** A language tag, e.g. {@code de} or {@code fr-CH}. */
    @Column(nullable = false)
    public String locale;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
