package com.stadium.quota.allocation.catalog;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An admin asks for every match to be announced again, e.g. after a reader of match-catalog lost its model. */
@Path("/api/matches/announcement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Matches")
@SecurityRequirement(name = "SecurityScheme")
public class AnnouncementResource {

    @Inject
    MatchAnnouncer announcer;

    @POST
    @Operation(summary = "Announce every match again on match-catalog within about a second")
    @APIResponse(responseCode = "202", description = "every match will be announced; the answer says how many")
    public Response announceAll() {
        return Response.accepted(Map.of("matches", announcer.announceAll())).build();
    }
}
