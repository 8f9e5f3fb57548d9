package com.stadium.quota.portal.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * quota-service's admin API, called with the signed-in admin's own token. Every answer is read tolerantly: a field
 * quota-service adds later is ignored, one it does not send yet is null.
 */
@RegisterRestClient(configKey = "quota-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/admin")
public interface QuotaServiceClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotaSummary(UUID id, UUID groupId, UUID parentId, long matchId, String matchName, Instant kickoff,
            String holderEmail, String holderName, int quantity, int unfulfilled, String algorithm, String state,
            LocalDate expiresOn, Expiration expiration, Map<String, Integer> ticketCounts) {

        public int count(String status) {
            return ticketCounts == null ? 0 : ticketCounts.getOrDefault(status, 0);
        }

        /** NONE, EXPIRING_SOON or EXPIRED, for the reminder's style. */
        public String expirationState() {
            return expiration == null || expiration.state() == null ? "NONE" : expiration.state();
        }
    }

    /** The expiration reminder as quota-service sends it: a state and, with a date, the days left. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Expiration(String state, Long daysLeft) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotaPage(List<QuotaSummary> items, int page, int size, long total) {
    }

    /** A ticket; the attendee is shown when quota-service sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketView(UUID id, long matchId, String sector, String row, String seat, String category,
            Integer fullPriceCents, Integer priceCents, String status, String attendeeName, String attendeeEmail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuditLine(Instant at, String actor, String onBehalfOf, String action, Map<String, Object> details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotaDetail(QuotaSummary quota, List<String> sectors, int discountPercent, boolean delegate,
            boolean transferable, boolean allowPartial, boolean includeAccessible, Long seed, Integer freeSeats,
            String failureReason, Instant createdAt, String createdBy, Instant cancelledAt, String cancellationScope,
            List<TicketView> tickets, List<QuotaSummary> subquotas, List<AuditLine> audit,
            SeatQuality seatQuality) {
    }

    /** How allocation-service seated the quota's group: rule 1, 2, 3, split or random; null before seats are held. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatQuality(String rule, boolean together, int blocks, int rows, int sectors, int orphansCreated,
            double meanQuality) {
    }

    /** What an admin asks quota-service to create (several matches make a group). */
    record NewQuota(String holderEmail, String holderName, List<Long> matchIds, List<String> sectors,
            Integer quantity, Integer discountPercent, String algorithm, LocalDate expiresOn, Boolean delegate,
            Boolean transferable, Boolean allowPartial, Boolean includeAccessible) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(UUID groupId, List<QuotaSummary> quotas) {
    }

    record CancelRequest(String scope) {
    }

    /** One refund a cancellation asks for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refund(UUID ticketId, Integer amountCents, String currency) {
    }

    /** A seat a cancellation gives back to the inventory. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleasedSeat(long matchId, String sector, String row, String seat) {
    }

    /** A person a cancellation tells, and with which message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Told(String kind, String recipientEmail, String recipientName) {
    }

    /**
     * What a cancellation does (or, from the dry run, would do) to one quota: quota-service answers the dry run and
     * the real cancellation in the same shape, so both read into this record and can be compared.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotaEffect(UUID quotaId, UUID parentId, String holderEmail, Map<String, Integer> cancelledTickets,
            int unfulfilledCancelled, int soldKept, List<ReleasedSeat> seatsReleased, List<Refund> refunds,
            int refundsRequested, int refundedCents, List<Told> told) {

        public int seatsReleasedCount() {
            return seatsReleased == null ? cancelledTotal() : seatsReleased.size();
        }

        public int cancelled(String status) {
            return cancelledTickets == null ? 0 : cancelledTickets.getOrDefault(status, 0);
        }

        public int cancelledTotal() {
            return cancelledTickets == null ? 0 : cancelledTickets.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancelEffect(String scope, List<QuotaEffect> quotas) {
    }

    @GET
    @Path("/quotas")
    QuotaPage quotas(@QueryParam("matchId") Long matchId, @QueryParam("holder") String holder,
            @QueryParam("state") String state, @QueryParam("sector") String sector,
            @QueryParam("expiringWithinDays") Integer expiringWithinDays, @QueryParam("page") int page,
            @QueryParam("size") int size, @QueryParam("sort") String sort, @QueryParam("direction") String direction);

    @GET
    @Path("/quotas/{id}")
    QuotaDetail detail(@PathParam("id") UUID id);

    @POST
    @Path("/quotas")
    @Consumes(MediaType.APPLICATION_JSON)
    Created create(NewQuota quota);

    @POST
    @Path("/quotas/{id}/invitation/resend")
    void resendInvitation(@PathParam("id") UUID id);

    @DELETE
    @Path("/quotas/{id}/invitation")
    void revokeInvitation(@PathParam("id") UUID id);

    @POST
    @Path("/quotas/{id}/cancel/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    CancelEffect previewCancel(@PathParam("id") UUID id, CancelRequest request);

    @POST
    @Path("/quota-groups/{groupId}/cancel/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    CancelEffect previewGroupCancel(@PathParam("groupId") UUID groupId, CancelRequest request);

    @POST
    @Path("/quotas/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    CancelEffect cancel(@PathParam("id") UUID id, CancelRequest request);

    @POST
    @Path("/quota-groups/{groupId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    CancelEffect cancelGroup(@PathParam("groupId") UUID groupId, CancelRequest request);
}
