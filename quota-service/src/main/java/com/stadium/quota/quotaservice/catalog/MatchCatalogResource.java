package com.stadium.quota.quotaservice.catalog;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.messaging.contract.MatchAnnounced.MatchState;
import com.stadium.quota.messaging.contract.MatchAnnounced.SectorSeats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What quota-service knows of the matches, and how fresh it is: the read model new quotas are checked against. */
@Path("/api/admin/matches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Matches known to quota-service (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class MatchCatalogResource {

    /**
     * A match as allocation-service announced it last.
     *
     * @param announcedAt when allocation-service announced it; its free counts are those of that moment
     */
    public record KnownMatch(long id, String code, String name, Instant kickoff, String venueCode, MatchState state,
            long revision, Instant announcedAt, int seats, int free, List<SectorSeats> sectors) {
    }

    @Inject
    MatchCatalogModel model;

    @GET
    @Operation(summary = "Every match quota-service knows from allocation-service's match-catalog, soonest first",
            description = "Seats per sector as last announced (at announcedAt); allocation-service's own "
                    + "GET /api/matches/{id}/availability is the truth of this moment.")
    public List<KnownMatch> list() {
        return model.all().stream().map(m -> {
            List<SectorSeats> sectors = model.sectors(m);
            return new KnownMatch(m.id, m.code, m.name, m.kickoff, m.venueCode, m.state, m.revision, m.announcedAt,
                    sectors.stream().mapToInt(SectorSeats::seats).sum(),
                    sectors.stream().mapToInt(SectorSeats::free).sum(), sectors);
        }).toList();
    }
}
