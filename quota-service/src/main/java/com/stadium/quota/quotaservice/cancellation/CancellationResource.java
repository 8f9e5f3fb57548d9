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

/** Admins cancel a whole quota group (one quota per match), subquotas included. */
@Path("/api/admin/quota-groups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Cancellation (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class CancellationResource {

    @Inject
    QuotaCancellation cancellation;

    @Inject
    JsonWebToken caller;

    @POST
    @Path("/{groupId}/cancel")
    @Operation(summary = "Cancel every quota of a group and their subquotas; the answer says what was cancelled")
    @APIResponse(responseCode = "409", description = "every quota of the group is cancelled already")
    public QuotaCancellation.Report cancelGroup(@PathParam("groupId") UUID groupId, CancelRequest request) {
        CancellationScope scope = CancelRequest.scopeOf(request);
        return cancellation.cancel(quotasOf(groupId), scope, caller.getName());
    }

    @POST
    @Path("/{groupId}/cancel/preview")
    @Operation(summary = "What cancelling every quota of a group would do now, doing nothing",
            description = "The same answer as the group's cancellation, with preview=true; nothing is changed, sent "
                    + "or recorded.")
    @APIResponse(responseCode = "409", description = "every quota of the group is cancelled already")
    public QuotaCancellation.Report previewCancelGroup(@PathParam("groupId") UUID groupId, CancelRequest request) {
        CancellationScope scope = CancelRequest.scopeOf(request);
        return cancellation.preview(quotasOf(groupId), scope);
    }

    private static List<UUID> quotasOf(UUID groupId) {
        List<UUID> quotas = Quota.<Quota>list("groupId", groupId).stream().map(q -> q.id).toList();
        if (quotas.isEmpty()) {
            throw new NotFoundException("no quota group " + groupId);
        }
        return quotas;
    }
}
