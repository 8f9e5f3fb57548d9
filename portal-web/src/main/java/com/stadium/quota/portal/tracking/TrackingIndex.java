package com.stadium.quota.portal.tracking;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.stadium.quota.portal.admin.AllocationServiceClient;
import com.stadium.quota.portal.admin.AllocationServiceClient.MatchView;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The navigation's way into sponsor tracking, which is per match: the chosen match (the tracking page's match
 * switcher sends ?match=), else the next match to be played, else the last one played.
 */
@Path("/admin/tracking")
@RolesAllowed("quota-manager")
public class TrackingIndex {

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    @Inject
    Clock clock;

    @GET
    public Response open(@QueryParam("match") String match) {
        Optional<Long> chosen = number(match).or(() -> next(allocation.matches(), clock.instant()));
        return Response.seeOther(URI.create(chosen.map(id -> "/admin/matches/" + id + "/tracking").orElse("/admin")))
                .build();
    }

    static Optional<Long> next(List<MatchView> matches, Instant now) {
        Comparator<MatchView> byKickoff = Comparator.comparing(MatchView::kickoff,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return matches.stream().filter(m -> m.kickoff() != null && !m.kickoff().isBefore(now)).min(byKickoff)
                .or(() -> matches.stream().max(byKickoff)).map(MatchView::id);
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
