package com.stadium.quota.quotaservice.catalog;

import java.time.Instant;

import com.stadium.quota.messaging.contract.MatchAnnounced.MatchState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A match as allocation-service announced it last; written only by {@link MatchCatalogModel#keepNewest}. */
@Entity
@Table(name = "catalog_match")
public class CatalogMatch extends PanacheEntityBase {

    @Id
    @Column(name = "match_id")
    public long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public Instant kickoff;

    @Column(name = "venue_code", nullable = false)
    public String venueCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatchState state;

    @Column(nullable = false)
    public long revision;

    /** The announcement's sectors as JSON; {@link MatchCatalogModel#sectors} reads them. */
    @Column(nullable = false, columnDefinition = "text")
    public String sectors;

    /** When allocation-service announced it (the event's time). */
    @Column(name = "announced_at", nullable = false)
    public Instant announcedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
