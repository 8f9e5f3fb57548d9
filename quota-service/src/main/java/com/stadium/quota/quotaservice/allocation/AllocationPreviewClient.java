package com.stadium.quota.quotaservice.allocation;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** allocation-service's dry run: what the algorithms would hold now for requests in order, holding nothing. */
@RegisterRestClient(configKey = "allocation-service")
@OidcClientFilter
@Path("/api/allocations/preview")
public interface AllocationPreviewClient {

    record PreviewRequest(List<Long> matchIds, List<String> sectors, int quantity, String algorithm,
            boolean includeAccessible, boolean allowPartial) {
    }

    record Preview(List<PreviewRequest> requests) {
    }

    record Seat(long seatId, String sector, String row, String seat) {
    }

    record MatchSeats(long matchId, List<Seat> seats) {
    }

    record MatchFree(long matchId, int freeSeats) {
    }

    record Line(int index, String outcome, int requested, int allocated, int freeSeats, String reason,
            List<MatchSeats> matches, List<MatchFree> freeByMatch) {
    }

    record PreviewAnswer(List<Line> lines) {
    }

    @POST
    PreviewAnswer preview(Preview preview);
}
