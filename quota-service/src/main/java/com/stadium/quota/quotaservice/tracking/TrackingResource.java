package com.stadium.quota.quotaservice.tracking;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sponsor tracking: per quota of a match, the invitation and what became of the tickets. */
@Path("/api/admin/tracking")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Sponsor tracking (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class TrackingResource {

    static final String CSV = "text/csv";

    public record Tracking(long matchId, List<SponsorTracking.TrackedQuota> quotas) {
    }

    @Inject
    SponsorTracking tracking;

    @GET
    @Operation(summary = "Every quota of a match, subquotas included (with parentId): holder, invitation issued / "
            + "revoked / re-sent / redeemed, tickets claimed / paid / passed on",
            description = "The delivery of each invitation (sent, failed, re-sent) is notification-adapter's "
                    + "GET /api/admin/notifications/deliveries; the admin page joins the two by quota id.")
    public Tracking ofMatch(@QueryParam("matchId") Long matchId) {
        return new Tracking(required(matchId), tracking.ofMatch(matchId));
    }

    @GET
    @Path("/never-opened.csv")
    @Produces(CSV)
    @Operation(summary = "Invited but never opened: the holders and sub-recipients of a match whose live link was "
            + "never used, as CSV for a follow-up, safe to open in a spreadsheet")
    public Response neverOpened(@QueryParam("matchId") Long matchId) {
        return Response.ok(NeverOpened.csv(tracking.ofMatch(required(matchId)))).header("Content-Disposition",
                "attachment; filename=\"never-opened-match-" + matchId + ".csv\"").build();
    }

    private static long required(Long matchId) {
        if (matchId == null) {
            throw InvalidInput.of("matchId", "name the match");
        }
        return matchId;
    }
}
