package com.stadium.quota.portal.holder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.stadium.quota.portal.admin.SignedInUserToken;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * quota-service's holder API (README, "Holder API"), called with the signed-in holder's own token: quota-service
 * decides what this person may see and do; the portal only shows it.
 */
@RegisterRestClient(configKey = "quota-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/holder/quotas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HolderQuotaClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Expiration(String state, Long daysLeft) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Permissions(boolean claim, boolean delegate, boolean transferable, boolean reassign) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String name, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubquotaProgress(UUID id, String recipientEmail, String recipientName, String state,
            Map<String, Integer> ticketCounts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MyQuota(UUID id, UUID groupId, boolean received, Person receivedFrom, long matchId, String matchName,
            Instant kickoff, String state, int quantity, int discountPercent, Map<String, Integer> ticketCounts,
            Permissions permissions, Expiration expiration, List<SubquotaProgress> subquotas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketCard(UUID id, String matchName, Instant kickoff, String sector, String row, String seat, String category,
            Integer priceCents, String status, UUID claimId, String attendeeName, String attendeeEmail,
            Instant holdExpiresAt, String claimStep, int attendeeVersion, String code, boolean reassignable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MyQuotaDetail(MyQuota quota, List<TicketCard> tickets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClaimView(UUID id, UUID quotaId, String step, Instant holdExpiresAt, int amountCents, String currency,
            String paymentId, String paymentUrl, String releasedBecause, List<TicketCard> tickets) {
    }

    record Selection(List<UUID> ticketIds) {
    }

    record Attendee(UUID ticketId, String name, String email) {
    }

    record Attendees(List<Attendee> attendees) {
    }

    /** A sold ticket's new attendee; the version is the one the holder saw, so a change made meanwhile is a 409. */
    record NewAttendee(String name, String email, Integer attendeeVersion) {
    }

    record PaymentStart(String returnUrl) {
    }

    record NewSubquota(String recipientEmail, String recipientName, Integer tickets, List<UUID> ticketIds,
            String personalMessage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubquotaPreview(String recipientEmail, String recipientName, List<TicketCard> tickets) {
    }

    @GET
    List<MyQuota> mine();

    @GET
    @Path("/{id}")
    MyQuotaDetail detail(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/claims")
    ClaimView select(@PathParam("id") UUID id, Selection selection);

    @GET
    @Path("/{id}/claims/{claim}")
    ClaimView claim(@PathParam("id") UUID id, @PathParam("claim") UUID claim);

    @PUT
    @Path("/{id}/claims/{claim}/attendees")
    ClaimView attendees(@PathParam("id") UUID id, @PathParam("claim") UUID claim, Attendees attendees);

    @POST
    @Path("/{id}/claims/{claim}/payment")
    ClaimView pay(@PathParam("id") UUID id, @PathParam("claim") UUID claim, PaymentStart start);

    @DELETE
    @Path("/{id}/claims/{claim}")
    ClaimView abandon(@PathParam("id") UUID id, @PathParam("claim") UUID claim);

    @PUT
    @Path("/{id}/tickets/{ticket}/attendee")
    TicketCard reassign(@PathParam("id") UUID id, @PathParam("ticket") UUID ticket, NewAttendee attendee);

    @POST
    @Path("/{id}/subquotas/preview")
    SubquotaPreview previewSubquota(@PathParam("id") UUID id, NewSubquota request);

    @POST
    @Path("/{id}/subquotas")
    MyQuotaDetail createSubquota(@PathParam("id") UUID id, NewSubquota request);

    @POST
    @Path("/{id}/subquotas/{sub}/retraction")
    MyQuotaDetail retract(@PathParam("id") UUID id, @PathParam("sub") UUID sub);
}
