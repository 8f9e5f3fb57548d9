package com.stadium.quota.quotaservice.cancellation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.quota.CancellationScope;
import com.stadium.quota.quotaservice.quota.Quota;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admins cancel one quota with its subquotas, or see first what that would do. */
@Path("/api/admin/quotas/{id}/cancel")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Quotas (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class QuotaCancellationResource {

    @Inject
    QuotaCancellation cancellation;

    @Inject
    JsonWebToken caller;

    @POST
    @Operation(summary = "Cancel a quota and its subquotas; the answer says what was cancelled")
    @APIResponse(responseCode = "409", description = "the quota is cancelled already")
    public QuotaCancellation.Report cancel(@PathParam("id") UUID id, CancelRequest request) {
        CancellationScope scope = CancelRequest.scopeOf(request);
        return cancellation.cancel(existing(id), scope, caller.getName());
    }

    @POST
    @Path("/preview")
    @Operation(summary = "What cancelling a quota and its subquotas would do now, doing nothing",
            description = "The same answer as the cancellation itself (tickets per status, seats released, refunds, "
                    + "the people told and their message, the unfulfilled rest), with preview=true. Nothing is "
                    + "changed, sent or recorded.")
    @APIResponse(responseCode = "409", description = "the quota is cancelled already")
    public QuotaCancellation.Report previewCancel(@PathParam("id") UUID id, CancelRequest request) {
        CancellationScope scope = CancelRequest.scopeOf(request);
        return cancellation.preview(existing(id), scope);
    }

    private static List<UUID> existing(UUID id) {
        if (Quota.findById(id) == null) {
            throw new NotFoundException("no quota " + id);
        }
        return List.of(id);
    }
}
