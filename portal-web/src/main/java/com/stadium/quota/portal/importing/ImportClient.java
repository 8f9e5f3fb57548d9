package com.stadium.quota.portal.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.stadium.quota.portal.admin.SignedInUserToken;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * quota-service's import API (docs/decisions.md, "CSV import"), called with the signed-in admin's own token. Answers
 * are read tolerantly: a field quota-service adds later is ignored, one it does not send is null.
 */
@RegisterRestClient(configKey = "quota-service")
@RegisterClientHeaders(SignedInUserToken.class)
@Path("/api/admin/imports")
public interface ImportClient {

    String CSV = "text/csv";

    /** One problem of a file or line; {@code line} and {@code value} are absent for a problem of no line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Violation(String field, String message, Integer line, String value) {
    }

    /** A repeat to decide on: SAME_FILE (line null), SAME_AS_LINE or SAME_AS_QUOTA. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Duplicate(Integer line, String kind, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Seat(String sector, String row, String seat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BlockingMatch(long matchId, String matchName, int freeSeats) {
    }

    /** The dry run's answer for a line: ALLOCATED, PARTIALLY_ALLOCATED, FAILED, REJECTED or UNKNOWN. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineSeats(String outcome, List<Seat> seats, List<BlockingMatch> blockingMatches, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PreviewLine(int line, String holderEmail, String holderName, List<Long> matchIds,
            List<String> matchNames, List<String> sectors, int quantity, int discountPercent, String algorithm,
            LocalDate expiresOn, boolean delegate, boolean transferable, boolean allowPartial, LineSeats seats) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Progress(int lines, int linesValidated, int quotasCreated, int quotasAllocating, int quotasAllocated,
            int quotasPartiallyAllocated, int quotasFailed, int seatsRequested, int seatsAllocated, boolean done) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreatedQuota(int line, UUID quotaId, UUID groupId, long matchId, String holderEmail, int quantity,
            String state, int seatsAllocated, String failureReason) {
    }

    /** One import: INVALID (cannot be confirmed), VALIDATED, FAILED (a refused confirm) or CONFIRMED. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportView(UUID id, String fileName, String status, String uploadedBy, Instant uploadedAt,
            String confirmedBy, Instant confirmedAt, Progress progress, List<Violation> violations,
            List<Duplicate> duplicates, List<PreviewLine> preview, List<Violation> confirmFailure,
            List<CreatedQuota> created) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportSummary(UUID id, String fileName, String status, String uploadedBy, Instant uploadedAt, int lines,
            String confirmedBy, Instant confirmedAt) {
    }

    /** The admin's answer to the flagged repeats. */
    record Decisions(boolean acceptDuplicates, List<Integer> skipLines) {
    }

    @GET
    @Path("/template")
    @Produces(CSV)
    String template();

    @POST
    @Consumes(CSV)
    ImportView upload(@QueryParam("fileName") String fileName, byte[] file);

    @GET
    List<ImportSummary> list();

    @GET
    @Path("/{id}")
    ImportView detail(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    ImportView confirm(@PathParam("id") UUID id, Decisions decisions);

    @GET
    @Path("/{id}/errors.csv")
    @Produces(CSV)
    String errorsCsv(@PathParam("id") UUID id);
}
