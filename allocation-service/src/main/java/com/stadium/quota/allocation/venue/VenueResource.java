package com.stadium.quota.allocation.venue;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Venues: created by admins from a JSON or CSV layout, listed with their size. */
@Path("/api/venues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Venues")
@SecurityRequirement(name = "SecurityScheme")
public class VenueResource {

    @Inject
    EntityManager entityManager;

    @Inject
    VenueStore store;

    /** A venue with its number of sectors, seats and accessible places. */
    public record VenueSummary(long id, String code, String name, long sectors, long seats, long accessibleSeats) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a venue from its layout (sectors and seats)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "the layout breaks a rule; every violation is listed")
    @APIResponse(responseCode = "409", description = "a venue with this code exists")
    public Response create(VenueDefinition venue) {
        return created(VenueCheck.layout(venue));
    }

    @POST
    @Consumes("text/csv")
    @Transactional
    @Operation(summary = "Create a venue from a CSV layout: one line per seat (see the README for the columns)")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "the file breaks a rule; every violation is listed by line")
    @APIResponse(responseCode = "409", description = "a venue with this code exists")
    public Response createFromCsv(@QueryParam("code") String code, @QueryParam("name") String name, String csv) {
        return created(VenueCheck.layout(VenueCsv.read(code, name, csv)));
    }

    private Response created(VenueLayout layout) {
        if (Venue.findByCode(layout.code()) != null) {
            throw InvalidInput.conflict("code", "a venue with code " + layout.code() + " exists");
        }
        long id = store.create(layout);
        VenueSummary summary = new VenueSummary(id, layout.code(), layout.name(), layout.sectors().size(),
                layout.seatCount(), layout.sectors().stream().flatMap(s -> s.seats().stream())
                        .filter(VenueLayout.Seat::accessible).count());
        return Response.created(URI.create("/api/venues/" + id)).entity(summary).build();
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
