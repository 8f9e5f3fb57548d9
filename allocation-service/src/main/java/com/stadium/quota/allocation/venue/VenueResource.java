package com.stadium.quota.allocation.venue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The venues and how large they are. */
@Path("/api/venues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Venues")
@SecurityRequirement(name = "SecurityScheme")
public class VenueResource {

    @Inject
    EntityManager entityManager;

    /** A venue with its number of sectors, seats and accessible places. */
    public record VenueSummary(long id, String code, String name, long sectors, long seats, long accessibleSeats) {
    }

    @GET
    @Operation(summary = "All venues with their sector and seat counts")
    public List<VenueSummary> list() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select v.id, v.code, v.name,
                       (select count(*) from sector s where s.venue_id = v.id) as sectors,
                       (select count(*) from seat t join sector s on s.id = t.sector_id where s.venue_id = v.id) as seats,
                       (select count(*) from seat t join sector s on s.id = t.sector_id
                         where s.venue_id = v.id and t.accessible) as accessible
                  from venue v order by v.code""", Tuple.class).getResultList();
        return rows.stream().map(r -> new VenueSummary(((Number) r.get("id")).longValue(), (String) r.get("code"),
                (String) r.get("name"), ((Number) r.get("sectors")).longValue(),
                ((Number) r.get("seats")).longValue(), ((Number) r.get("accessible")).longValue())).toList();
    }
}
