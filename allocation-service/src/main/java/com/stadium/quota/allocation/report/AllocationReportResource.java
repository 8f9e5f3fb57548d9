package com.stadium.quota.allocation.report;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The seat-quality report of an allocation request, and its replay from the stored inputs. */
@Path("/api/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seat-quality reports")
@SecurityRequirement(name = "SecurityScheme")
public class AllocationReportResource {

    @Inject
    AllocationReports reports;

    @GET
    @Path("/{requestId}")
    @RolesAllowed({"quota-manager", "suite-service"})
    @Operation(summary = "How an allocation seated its group",
            description = "The rule that chose the seats (1: one block leaving no orphan, 2: one block, 3: adjacent "
                    + "rows, split over sectors, or REDOM's random draw), blocks, rows and sectors used, single "
                    + "orphan seats it created, mean seat quality (0-100), the seats, and the inputs a replay needs "
                    + "(request, seed, the seats it saw taken per sector as a Base64 bit set).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No allocation with this request id")
    public AllocationReports.Report report(
            @Parameter(description = "The allocation request's id") @PathParam("requestId") UUID requestId) {
        return reports.find(requestId).orElseThrow(() -> unknown(requestId));
    }

    @POST
    @Path("/{requestId}/replay")
    @RolesAllowed("quota-manager")
    @Operation(summary = "Computes the allocation again from its stored inputs and compares",
            description = "Runs the algorithm on the stored request, seed and seats seen taken; says whether the "
                    + "seats and every figure of the report are identical, and lists each one that differs. "
                    + "Nothing is held.")
    @APIResponse(responseCode = "200", description = "The replay and its comparison")
    @APIResponse(responseCode = "404", description = "No allocation with this request id")
    @APIResponse(responseCode = "409", description = "The request was refused before any seat was looked at")
    public AllocationReports.ReplayAnswer replay(
            @Parameter(description = "The allocation request's id") @PathParam("requestId") UUID requestId) {
        return reports.replay(requestId).orElseThrow(() -> unknown(requestId));
    }

    private static InvalidInput unknown(UUID requestId) {
        return InvalidInput.notFound("requestId", "no allocation with request id " + requestId);
    }
}
