package com.stadium.quota.quotaservice.transfer;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.holder.HolderQuotaResource;
import com.stadium.quota.quotaservice.holder.HolderQuotas.TicketCard;
import com.stadium.quota.quotaservice.transfer.Reassignments.NewAttendee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The holder gives a sold ticket of their (transferable) quota to another attendee; a masquerading admin may too. */
@Path("/api/holder/quotas/{quotaId}/tickets/{ticketId}/attendee")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-holder")
@Tag(name = "Quotas (holder)")
@SecurityRequirement(name = "SecurityScheme")
public class ReassignmentResource {

    @Inject
    JsonWebToken token;

    @Inject
    Reassignments reassignments;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a sold ticket to another attendee: they get the ticket mail with a new code, the "
            + "previous attendee a notice, and the old code is void. Send the card's attendeeVersion back")
    @APIResponse(responseCode = "200", description = "the ticket's card with its new attendee, version and code")
    @APIResponse(responseCode = "400", description = "a field is wrong: name, email (malformed, or the attendee "
            + "already), ticketId (not a ticket of this quota)")
    @APIResponse(responseCode = "403", description = "the quota's tickets are not transferable")
    @APIResponse(responseCode = "404", description = "not your quota")
    @APIResponse(responseCode = "409", description = "changed meanwhile (stale attendeeVersion), not sold, or too "
            + "close to kick-off; 'current' is the ticket's card now")
    public TicketCard reassign(@PathParam("quotaId") UUID quotaId, @PathParam("ticketId") UUID ticketId,
            NewAttendee attendee) {
        return reassignments.reassign(HolderQuotaResource.caller(token), quotaId, ticketId, attendee);
    }
}
