package com.stadium.quota.quotaservice.gate;

import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.gate.Admissions.Answer;
import com.stadium.quota.quotaservice.ticketcode.TicketCodes;
import com.stadium.quota.quotaservice.ticketcode.TicketCodes.PublicTicketKey;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For gate staff (role {@code quota-gate}) only: verify a scanned ticket code, fetch the keys for offline gates. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-gate")
@Tag(name = "Gate")
@SecurityRequirement(name = "SecurityScheme")
public class GateResource {

    @Inject
    JsonWebToken token;

    @Inject
    Admissions admissions;

    @Inject
    TicketCodes codes;

    /** What the gate scanned, and the match it admits to. */
    public record Scan(String code, Long matchId) {
    }

    /** The public keys a gate honours. */
    public record Keys(List<PublicTicketKey> keys) {
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a scanned ticket code for this gate's match and admit it once: valid, or the "
            + "reason (UNKNOWN, WRONG_SIGNATURE, CANCELLED, VOIDED, WRONG_MATCH, ALREADY_ADMITTED)")
    @APIResponse(responseCode = "200", description = "the verdict; the first VALID of a ticket records its admission")
    @APIResponse(responseCode = "400", description = "code or matchId missing")
    public Answer verify(Scan scan) {
        return admissions.verify(scan == null ? null : scan.code(), scan == null ? null : scan.matchId(),
                token.getName());
    }

    @GET
    @Path("/keys")
    @Operation(summary = "The honoured Ed25519 public keys by key id (base64 X.509), for gates that verify offline")
    public Keys keys() {
        return new Keys(codes.publicKeys());
    }
}
