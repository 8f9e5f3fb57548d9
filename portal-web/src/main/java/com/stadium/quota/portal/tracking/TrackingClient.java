package com.stadium.quota.portal.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.stadium.quota.portal.admin.SignedInUserToken;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** quota-service's sponsor tracking of a match, called with the signed-in admin's own token. */
@RegisterRestClient(configKey = "quota-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/admin/tracking")
public interface TrackingClient {

    /** A quota's (or its group's) invitation: links issued, revoked, re-sent, and when one was first used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitation(Instant issuedAt, Instant lastSentAt, boolean revoked, int resent, Instant redeemedAt,
            UUID messageQuotaId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tickets(int allocated, int claimed, int paid, int passedOn) {
    }

    /** One quota of the match (a subquota names its parent); neverOpened is quota-service's follow-up rule. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tracked(UUID quotaId, UUID parentId, UUID groupId, String holderName, String holderEmail, String state,
            int quantity, Invitation invitation, Tickets tickets, boolean neverOpened) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tracking(long matchId, List<Tracked> quotas) {
    }

    @GET
    Tracking ofMatch(@QueryParam("matchId") long matchId);

    @GET
    @Path("/never-opened.csv")
    @Produces("text/csv")
    String neverOpenedCsv(@QueryParam("matchId") long matchId);
}
