package com.stadium.quota.quotaservice.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.messaging.contract.MatchAnnounced.SectorSeats;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The read model of match-catalog: one row per match, the announcement with the highest revision. Keeping only a
 * newer one makes a redelivered or replayed announcement change nothing, in any order.
 */
@ApplicationScoped
public class MatchCatalogModel {

    private static final TypeReference<List<SectorSeats>> SECTORS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Stores the announcement unless the model has this revision of the match or a newer one; true if stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keepNewest(MatchAnnounced match, Instant announcedAt) {
        return entityManager.createNativeQuery("""
                insert into catalog_match (match_id, code, name, kickoff, venue_code, state, revision, sectors,
                                           announced_at, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (match_id) do update set code = excluded.code, name = excluded.name,
                    kickoff = excluded.kickoff, venue_code = excluded.venue_code, state = excluded.state,
                    revision = excluded.revision, sectors = excluded.sectors, announced_at = excluded.announced_at,
                    received_at = excluded.received_at
                where catalog_match.revision < excluded.revision""")
                .setParameter(1, match.matchId()).setParameter(2, match.code()).setParameter(3, match.name())
                .setParameter(4, match.kickoff()).setParameter(5, match.venueCode())
                .setParameter(6, match.state().name()).setParameter(7, match.revision())
                .setParameter(8, write(match.sectors())).setParameter(9, announcedAt)
                .setParameter(10, clock.instant()).executeUpdate() == 1;
    }

    /** The known matches among the ids; unknown ids are simply absent. */
    @Transactional
    public List<CatalogMatch> find(Collection<Long> ids) {
        List<Long> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        return known.isEmpty() ? List.of() : CatalogMatch.list("id in ?1", known);
    }

    /** Every known match, soonest first. */
    @Transactional
    public List<CatalogMatch> all() {
        return CatalogMatch.listAll(Sort.ascending("kickoff", "id"));
    }

    public List<SectorSeats> sectors(CatalogMatch match) {
        try {
            return json.readValue(match.sectors, SECTORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sectors of match " + match.id + " cannot be read", e);
        }
    }

    private String write(List<SectorSeats> sectors) {
        try {
            return json.writeValueAsString(sectors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
