package com.stadium.quota.quotaservice.invitation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admins re-send a holder's deeplink (a new one; the old stops working) or revoke it. */
@Path("/api/admin/quotas/{id}/invitation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Invitations (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class InvitationResource {

    @Inject
    Invitations invitations;

    @Inject
    Audit audit;

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    /** Where the new deeplink went. */
    public record Sent(UUID quotaId, String sentTo) {
    }

    @POST
    @Path("/resend")
    @Transactional
    @Operation(summary = "Send the holder a new deeplink; the previous one stops working")
    @APIResponse(responseCode = "202", description = "a new invitation is on its way")
    @APIResponse(responseCode = "409", description = "the quota is cancelled, or holds no seats yet")
    public Response resend(@PathParam("id") UUID id) {
        Quota quota = Quota.findById(id);
        if (quota == null || quota.parentId != null) {
            throw new NotFoundException("no quota " + id);
        }
        if (quota.state == QuotaState.CANCELLED || quota.state == QuotaState.PENDING_ALLOCATION
                || quota.state == QuotaState.ALLOCATION_FAILED) {
            throw InvalidInput.conflict("state", "a " + quota.state + " quota has nothing to claim");
        }
        List<Quota> group = quota.groupId == null ? List.of(quota)
                : Quota.list("groupId = ?1 order by kickoff", quota.groupId);
        invitations.invite(quota, group, caller.getName());
        return Response.accepted(new Sent(quota.id, quota.holderEmail)).build();
    }

    @DELETE
    @Transactional
    @Operation(summary = "Revoke the holder's deeplink (it stops working; re-send to give a new one)")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "404", description = "no such quota, or no live deeplink")
    public void revoke(@PathParam("id") UUID id) {
        if (Quota.findById(id) == null || !invitations.revoke(id, caller.getName(), clock.instant())) {
            throw new NotFoundException("no live invitation for quota " + id);
        }
        audit.record(id, caller.getName(), "INVITATION_REVOKED", java.util.Map.of());
    }
}
