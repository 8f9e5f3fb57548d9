package com.stadium.quota.allocation.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.allocation.venue.Venue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The matches seats can be given for. */
@Path("/api/matches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Matches")
@SecurityRequirement(name = "SecurityScheme")
public class MatchResource {

    /** A match with its venue and the price of each sector category in cents. */
    public record MatchView(long id, String code, String name, Instant kickoff, String venueCode,
            Map<String, Integer> pricesCents) {
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
