package com.stadium.quota.quotaservice.race;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.race.RaceProtection.Layers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tests and benchmarks only (dev and test profiles): turn the race protection's layers off and on again. */
@Path("/api/admin/race-protection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Race protection (tests and benchmarks)")
@SecurityRequirement(name = "SecurityScheme")
public class RaceProtectionResource {

    @Inject
    RaceProtection protection;

    /** The layers and whether they can be switched here. */
    public record State(boolean switchable, Layers layers) {
    }

    @GET
    @Operation(summary = "Which layers of the race protection are on (always all of them outside dev and test)")
    public State get() {
        return new State(protection.switchable(), protection.layers());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dev and test only (404 elsewhere): turn the quota's turn, its row lock and the rows' version "
            + "checks on or off, to show that the concurrency proof fails without them")
    public State set(Layers layers) {
        protection.set(layers);
        return get();
    }
}
