package com.stadium.quota.quotaservice.allocation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.stadium.quota.messaging.contract.MatchAnnounced.SectorSeats;
import com.stadium.quota.quotaservice.catalog.CatalogMatch;
import com.stadium.quota.quotaservice.catalog.MatchCatalogModel;
import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.Matches;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The matches quota-service may create quotas for, as allocation-service announced them last on match-catalog (the
 * local read model): no call to another service. It may be a second behind; allocation-service's answer decides.
 */
@ApplicationScoped
public class MatchCatalog implements Matches {

    @Inject
    MatchCatalogModel model;

    @Override
    public Map<Long, MatchInfo> lookup(Collection<Long> ids) {
        return model.find(ids).stream().collect(Collectors.toMap(m -> m.id, m -> new MatchInfo(m.id, m.name,
                m.kickoff, m.venueCode, seats(m, SectorSeats::seats))));
    }

    /** The ids of matches whose code starts with the prefix and that are still to be played, soonest first. */
    public List<Long> upcoming(String codePrefix, Instant now) {
        return model.all().stream().filter(m -> m.code.startsWith(codePrefix) && m.kickoff.isAfter(now))
                .map(m -> m.id).toList();
    }

    /** Free seats per sector of a match as last announced; empty for a match the model does not know. */
    public Map<String, Integer> freeSeats(long matchId) {
        return model.find(List.of(matchId)).stream().findFirst().map(m -> seats(m, SectorSeats::free))
                .orElse(Map.of());
    }

    private Map<String, Integer> seats(CatalogMatch match, Function<SectorSeats, Integer> count) {
        return model.sectors(match).stream().collect(Collectors.toMap(SectorSeats::sector, count));
    }
}
