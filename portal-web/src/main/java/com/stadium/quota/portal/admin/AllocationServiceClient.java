package com.stadium.quota.portal.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** allocation-service's read API, called with the signed-in admin's own token. */
@RegisterRestClient(configKey = "allocation-service")
@RegisterClientHeaders(SignedInUserToken.class)
public interface AllocationServiceClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchView(long id, String code, String name, Instant kickoff, String venueCode,
            Map<String, Integer> pricesCents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SectorAvailability(String sector, String category, int seats, int free, int held, int sold,
            int accessibleFree) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchAvailability(long matchId, int seats, int free, int held, int sold,
            List<SectorAvailability> sectors) {
    }

    /** One seat of a sector at a match: where it is drawn, what it is and whether it is FREE, HELD or SOLD. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatView(long id, int row, String rowLabel, int number, String label, int block, boolean accessible,
            boolean companion, boolean restrictedView, int quality, double x, double y, String state) {
    }

    @GET
    @Path("/api/matches")
    List<MatchView> matches();

    /** The matches to choose from, or none while allocation-service does not answer (the page still works). */
    default List<MatchView> matchesIfAnswering() {
        try {
            return matches();
        } catch (RuntimeException e) {
            Logger.getLogger(AllocationServiceClient.class).warnf("allocation-service unavailable, no match list: %s",
                    e.getMessage());
            return List.of();
        }
    }

    @GET
    @Path("/api/matches/{id}/availability")
    MatchAvailability availability(@PathParam("id") long matchId);

    @GET
    @Path("/api/matches/{id}/sectors/{code}/seats")
    List<SeatView> seats(@PathParam("id") long matchId, @PathParam("code") String sector);
}
