package com.stadium.quota.quotaservice.subquota;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.holder.HolderQuotaResource;
import com.stadium.quota.quotaservice.holder.HolderQuotas.MyQuotaDetail;
import com.stadium.quota.quotaservice.subquota.Subquotas.NewSubquota;
import com.stadium.quota.quotaservice.subquota.Subquotas.Preview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Send tickets to someone else", and taking them back, on one of the holder's own quotas. */
@Path("/api/holder/quotas/{quotaId}/subquotas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-holder")
@Tag(name = "Subquotas (holder)")
@SecurityRequirement(name = "SecurityScheme")
public class SubquotaResource {

    @Inject
    JsonWebToken token;

    @Inject
    Subquotas subquotas;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pass unclaimed tickets on: a number (kept together where possible) or chosen ticketIds; "
            + "the recipient gets their own link")
    @APIResponse(responseCode = "201", description = "the subquota with its tickets")
    public Response create(@PathParam("quotaId") UUID quotaId, NewSubquota request) {
        return Response.status(Response.Status.CREATED)
                .entity(subquotas.create(HolderQuotaResource.caller(token), quotaId, request)).build();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a create with the same body would pass on, for a confirmation step; creates nothing")
    @APIResponse(responseCode = "200", description = "the recipient as it would be stored and exactly the tickets "
            + "that would go; post them as ticketIds to create")
    public Preview preview(@PathParam("quotaId") UUID quotaId, NewSubquota request) {
        return subquotas.preview(HolderQuotaResource.caller(token), quotaId, request);
    }

    @POST
    @Path("/{subquotaId}/retraction")
    @Operation(summary = "Take back the subquota's unclaimed tickets; claimed ones stay with the recipient")
    public MyQuotaDetail retract(@PathParam("quotaId") UUID quotaId, @PathParam("subquotaId") UUID subquotaId) {
        return subquotas.retract(HolderQuotaResource.caller(token), quotaId, subquotaId);
    }
}
