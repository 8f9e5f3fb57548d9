package com.stadium.quota.quotaservice.cancellation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admins cancel a quota or a whole quota group, subquotas included. */
@Path("/api/admin")
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

    /** {@code UNFULFILLED_ONLY} or {@code ALL_UNUSED}. */
    public record CancelRequest(String scope) {
    }

    @POST
    @Path("/quotas/{id}/cancel")
    @Operation(summary = "Cancel a quota and its subquotas; the answer says what was cancelled")
    @APIResponse(responseCode = "409", description = "the quota is cancelled already")
    public QuotaCancellation.Report cancelQuota(@PathParam("id") UUID id, CancelRequest request) {
        CancellationScope scope = scope(request);
        if (Quota.findById(id) == null) {
            throw new NotFoundException("no quota " + id);
        }
        return cancellation.cancel(List.of(id), scope, caller.getName());
    }

    @POST
    @Path("/quota-groups/{groupId}/cancel")
    @Operation(summary = "Cancel every quota of a group (one per match) and their subquotas")
    @APIResponse(responseCode = "409", description = "every quota of the group is cancelled already")
    public QuotaCancellation.Report cancelGroup(@PathParam("groupId") UUID groupId, CancelRequest request) {
        CancellationScope scope = scope(request);
        List<UUID> quotas = Quota.<Quota>list("groupId", groupId).stream().map(q -> q.id).toList();
        if (quotas.isEmpty()) {
            throw new NotFoundException("no quota group " + groupId);
        }
        return cancellation.cancel(quotas, scope, caller.getName());
    }

    private static CancellationScope scope(CancelRequest request) {
        String scope = request == null ? null : request.scope();
        try {
            return CancellationScope.valueOf(String.valueOf(scope));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new Violation("scope", "must be UNFULFILLED_ONLY or ALL_UNUSED", null,
                    scope)));
        }
    }
}
