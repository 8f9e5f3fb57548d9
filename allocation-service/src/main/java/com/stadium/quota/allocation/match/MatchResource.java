package com.stadium.quota.allocation.match;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.allocation.venue.Venue;
import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The matches seats can be given for: created by admins, listed soonest first (also for other services). */
@Path("/api/matches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"quota-manager", "suite-service"})
@Tag(name = "Matches")
@SecurityRequirement(name = "SecurityScheme")
public class MatchResource {

    /** A match with its venue and the price of each sector category in cents. */
    public record MatchView(long id, String code, String name, Instant kickoff, String venueCode,
            Map<String, Integer> pricesCents) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Event<MatchChanged> changed;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed("quota-manager")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a match at a venue, with a price for every sector category of the venue")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "a rule is broken; every violation is listed")
    @APIResponse(responseCode = "409", description = "a match with this code exists")
    public Response create(MatchCheck.NewMatch request) {
        Venue venue = request == null || request.venueCode() == null ? null : Venue.findByCode(request.venueCode());
        Set<String> categories = venue == null ? null : Set.copyOf(entityManager
                .createQuery("select distinct s.category from Sector s where s.venueId = :venue", String.class)
                .setParameter("venue", venue.id).getResultList());
        MatchCheck.check(request, categories, clock.instant());
        if (Match.count("code", request.code()) > 0) {
            throw InvalidInput.conflict("code", "a match with code " + request.code() + " exists");
        }
        Match match = new Match();
        match.venueId = venue.id;
        match.code = request.code();
        match.name = request.name().trim();
        match.kickoff = request.kickoff();
        match.persist();
        request.pricesCents().forEach((category, cents) -> {
            MatchPrice price = new MatchPrice();
            price.matchId = match.id;
            price.category = category;
            price.priceCents = cents;
            price.persist();
        });
        changed.fire(new MatchChanged(match.id));
        return Response.created(URI.create("/api/matches/" + match.id))
                .entity(new MatchView(match.id, match.code, match.name, match.kickoff, venue.code,
                        request.pricesCents()))
                .build();
    }

    @GET
    @Operation(summary = "All matches, soonest first")
    public List<MatchView> list() {
        Map<Long, String> venues = Venue.<Venue>listAll().stream().collect(Collectors.toMap(v -> v.id, v -> v.code));
        Map<Long, Map<String, Integer>> prices = MatchPrice.<MatchPrice>listAll().stream()
                .collect(Collectors.groupingBy(p -> p.matchId,
                        Collectors.toMap(p -> p.category, p -> p.priceCents)));
        return Match.<Match>listAll(io.quarkus.panache.common.Sort.ascending("kickoff")).stream()
                .map(m -> new MatchView(m.id, m.code, m.name, m.kickoff, venues.get(m.venueId),
                        prices.getOrDefault(m.id, Map.of())))
                .toList();
    }
}
