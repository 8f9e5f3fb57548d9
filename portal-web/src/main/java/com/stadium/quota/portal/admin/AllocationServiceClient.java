package com.stadium.quota.portal.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** allocation-service's read API, called with the signed-in admin's own token. */
@RegisterRestClient(configKey = "allocation-service")
@RegisterClientHeaders(SignedInUserToken.class)
public interface AllocationServiceClient {

    record MatchView(long id, String code, String name, Instant kickoff, String venueCode,
            Map<String, Integer> pricesCents) {
    }

    @GET
    @Path("/api/matches")
    List<MatchView> matches();
}
