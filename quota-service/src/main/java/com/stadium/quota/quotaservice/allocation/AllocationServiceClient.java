package com.stadium.quota.quotaservice.allocation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** allocation-service's read API, called with quota-service's own service account (client credentials). */
@RegisterRestClient(configKey = "allocation-service")
@OidcClientFilter
@Path("/api/matches")
public interface AllocationServiceClient {

    record MatchView(long id, String code, String name, Instant kickoff, String venueCode) {
    }

    record SectorAvailability(String sector, String category, int seats, int free) {
    }

    record Availability(long matchId, List<SectorAvailability> sectors) {
    }

    @GET
    List<MatchView> matches();

    @GET
    @Path("/{id}/availability")
    Availability availability(@PathParam("id") long matchId);
}
