package com.stadium.quota.quotaservice.holder;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.holder.HolderQuotas.MyQuota;
import com.stadium.quota.quotaservice.holder.HolderQuotas.MyQuotaDetail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The holder's own quotas, for the web portal and the mobile app alike: the caller is the email of their token,
 * and a quota of anyone else answers 404, as if it did not exist.
 */
@Path("/api/holder/quotas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-holder")
@Tag(name = "Quotas (holder)")
@SecurityRequirement(name = "SecurityScheme")
public class HolderQuotaResource {

    @Inject
    JsonWebToken token;

    @Inject
    HolderQuotas quotas;

    @GET
    @Operation(summary = "My quotas across matches, soonest match first")
    public List<MyQuota> mine() {
        return quotas.mine(caller(token).email());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my quotas with its tickets as cards (who each one is for, once given)")
    public MyQuotaDetail detail(@PathParam("id") UUID id) {
        return quotas.detail(quotas.own(caller(token).email(), id));
    }

    /** The caller of a holder endpoint: the token's email, and the admin behind it while masquerading. */
    public static Caller caller(JsonWebToken token) {
        return Caller.of(token.getClaim("email"), token.getClaim("impersonator"));
    }
}
