package com.stadium.quota.quotaservice.quota;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The admins' view of quotas. */
@Path("/api/admin/quotas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Quotas (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class QuotaAdminResource {

    /** One quota in a list. */
    public record QuotaSummary(UUID id, UUID groupId, long matchId, String holderEmail, String holderName,
            int quantity, String algorithm, QuotaState state, LocalDate expiresOn) {
        static QuotaSummary of(Quota q) {
            return new QuotaSummary(q.id, q.groupId, q.matchId, q.holderEmail, q.holderName, q.quantity,
                    q.algorithm, q.state, q.expiresOn);
        }
    }

    /** A page of results with the total across all pages. */
    public record QuotaPage(List<QuotaSummary> items, int page, int size, long total) {
    }

    @GET
    @Operation(summary = "List quotas, newest first, one page at a time")
    public QuotaPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var query = Quota.<Quota>findAll(Sort.descending("createdAt"));
        List<QuotaSummary> items = query.page(Page.of(page, size)).list().stream().map(QuotaSummary::of).toList();
        return new QuotaPage(items, page, size, query.count());
    }
}
