package com.stadium.quota.quotaservice.claim;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.claim.Claims.ClaimView;
import com.stadium.quota.quotaservice.holder.HolderQuotaResource;
import com.stadium.quota.quotaservice.quota.ClaimRules.Attendee;
import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The claim in three steps, for the holder (or a sub-recipient) on their own quota: select → attendees → payment.
 * Refusals: 400 names the field; 409 says the state is in the way (tickets taken meanwhile, step out of order, hold
 * expired) and carries the quota as it is now; 403 for a masquerading admin at the payment.
 */
@Path("/api/holder/quotas/{quotaId}/claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-holder")
@Tag(name = "Claims (holder)")
@SecurityRequirement(name = "SecurityScheme")
public class ClaimResource {

    @Inject
    JsonWebToken token;

    @Inject
    Claims claims;

    @Inject
    ClaimPayments payments;

    @Inject
    ObjectMapper json;

    /** Step 1's input. */
    public record Selection(List<UUID> ticketIds) {
    }

    /** Step 2's input: one attendee per selected ticket. */
    public record Attendees(List<Attendee> attendees) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Step 1: select ALLOCATED tickets; they are RESERVED for you until the hold expires")
    @APIResponse(responseCode = "201", description = "the claim, with its hold's expiry")
    public Response select(@PathParam("quotaId") UUID quotaId, Selection selection) {
        ClaimView claim = claims.select(HolderQuotaResource.caller(token), quotaId,
                selection == null ? null : selection.ticketIds());
        return Response.status(Response.Status.CREATED).entity(claim).build();
    }

    @GET
    @Path("/{claimId}")
    @Operation(summary = "Where a claim stands")
    public ClaimView find(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        return claims.find(HolderQuotaResource.caller(token), quotaId, claimId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{claimId}/attendees")
    @Operation(summary = "Step 2: name and email of each ticket's attendee (you may take one ticket yourself); "
            + "free tickets are confirmed at once")
    public ClaimView attendees(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId,
            Attendees attendees) {
        return claims.attendees(HolderQuotaResource.caller(token), quotaId, claimId,
                attendees == null ? null : attendees.attendees());
    }

    /** Step 3's optional input: where the payer goes back to after the payment page. */
    public record PaymentRequest(String returnUrl) {
    }

    /** The body is optional (scripts post none, without a content type), so it is read here rather than bound. */
    @POST
    @Path("/{claimId}/payment")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentRequest.class)))
    @Operation(summary = "Step 3: start (or, asked again, get back) the claim's payment; go to paymentUrl to pay. "
            + "An optional returnUrl (under suite.payment.return-url-prefixes) is where the payer comes back to, with "
            + "?payment=paid or ?payment=declined; asked again, the first returnUrl stays")
    public ClaimView pay(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId, String body) {
        return payments.pay(HolderQuotaResource.caller(token), quotaId, claimId, returnUrlOf(body));
    }

    private String returnUrlOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            PaymentRequest request = json.readValue(body, PaymentRequest.class);
            return request == null ? null : request.returnUrl();
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("body", "is not a JSON object like {\"returnUrl\":\"…\"}");
        }
    }

    @DELETE
    @Path("/{claimId}")
    @Operation(summary = "Give the claim up: its tickets are ALLOCATED again")
    public ClaimView abandon(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        return claims.abandon(HolderQuotaResource.caller(token), quotaId, claimId);
    }
}
