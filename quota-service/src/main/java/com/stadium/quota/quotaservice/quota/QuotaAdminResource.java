package com.stadium.quota.quotaservice.quota;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.web.InvalidInput;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The admins' API over quotas: create, search, detail with tickets, subquotas and audit trail. */
@Path("/api/admin/quotas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Quotas (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class QuotaAdminResource {

    static final Set<String> SORTABLE = Set.of("createdAt", "expiresOn", "holderEmail", "holderName", "quantity",
            "matchId", "state");

    @Inject
    QuotaServiceConfig config;

    @Inject
    QuotaCreation creation;

    @Inject
    QuotaEvents events;

    @Inject
    Audit audit;

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    /** One quota in a list. */
    public record QuotaSummary(UUID id, UUID groupId, UUID parentId, long matchId, String matchName, Instant kickoff,
            String holderEmail, String holderName, int quantity, int unfulfilled, String algorithm, QuotaState state,
            LocalDate expiresOn, ExpirationReminder expiration, Map<TicketStatus, Integer> ticketCounts) {
    }

    /** A page of results with the total across all pages. */
    public record QuotaPage(List<QuotaSummary> items, int page, int size, long total) {
    }

    /** A ticket with its seat, its price after the quota's discount and, once claimed, who will use it. */
    public record TicketView(UUID id, long matchId, String sector, String row, String seat, String category,
            Integer fullPriceCents, Integer priceCents, TicketStatus status, String attendeeName,
            String attendeeEmail) {
    }

    /**
     * Everything about one quota.
     *
     * @param seatQuality how allocation-service seated the group (from its allocation result); null before seats
     *        are held
     */
    public record QuotaDetail(QuotaSummary quota, List<String> sectors, int discountPercent, boolean delegate,
            boolean transferable, boolean allowPartial, boolean includeAccessible, Long seed, Integer freeSeats,
            String failureReason, Instant createdAt, String createdBy, Instant cancelledAt,
            CancellationScope cancellationScope,
            List<TicketView> tickets, List<QuotaSummary> subquotas, List<Audit.Line> audit,
            Quota.SeatQuality seatQuality) {
    }

    /** The quotas a create made: one, or one per match of a group. */
    public record Created(UUID groupId, List<QuotaSummary> quotas) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a quota (one match) or a quota group (several matches, the same seats at each)")
    @APIResponse(responseCode = "201", description = "created in PENDING_ALLOCATION; seats follow within seconds")
    @APIResponse(responseCode = "400", description = "a rule is broken; every violation is named")
    @APIResponse(responseCode = "503", description = "allocation-service does not answer; nothing was created")
    public Response create(NewQuota request) {
        if (request == null) {
            throw InvalidInput.of("body", "a quota is required");
        }
        List<Quota> quotas = creation.create(request, caller.getName());
        Created created = new Created(quotas.get(0).groupId, quotas.stream().map(this::summary).toList());
        return Response.created(URI.create("/api/admin/quotas/" + quotas.get(0).id)).entity(created).build();
    }

    @GET
    @Operation(summary = "Search quotas by match, holder, state, sector or expiration; paged and sorted")
    public QuotaPage search(@QueryParam("matchId") Long matchId, @QueryParam("holder") String holder,
            @QueryParam("state") String state, @QueryParam("sector") String sector,
            @QueryParam("expiringWithinDays") @Min(0) @Max(3650) Integer expiringWithinDays,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size,
            @QueryParam("sort") @DefaultValue("createdAt") String sort,
            @QueryParam("direction") @DefaultValue("desc") String direction) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (matchId != null) {
            where.append(" and matchId = :matchId");
            params.put("matchId", matchId);
        }
        if (holder != null && !holder.isBlank()) {
            where.append(" and (lower(holderEmail) like :holder or lower(holderName) like :holder)");
            params.put("holder", "%" + holder.trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (state != null && !state.isBlank()) {
            try {
                params.put("state", QuotaState.valueOf(state.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(List.of(new com.stadium.quota.web.Violation("state",
                        "must be one of " + List.of(QuotaState.values()), null, state)));
            }
            where.append(" and state = :state");
        }
        if (sector != null && !sector.isBlank()) {
            where.append(" and concat(';', sectors, ';') like :sector");
            params.put("sector", "%;" + sector.trim() + ";%");
        }
        if (expiringWithinDays != null) {
            LocalDate today = LocalDate.now(clock.withZone(config.club().timeZone()));
            where.append(" and expiresOn between :today and :until");
            params.put("today", today);
            params.put("until", today.plusDays(expiringWithinDays));
        }
        if (!SORTABLE.contains(sort)) {
            throw new InvalidInput(List.of(new com.stadium.quota.web.Violation("sort",
                    "must be one of " + SORTABLE, null, sort)));
        }
        Sort order = "asc".equalsIgnoreCase(direction) ? Sort.ascending(sort) : Sort.descending(sort);
        var query = Quota.<Quota>find(where.toString(), order.and("id"), params);
        List<QuotaSummary> items = query.page(Page.of(page, size)).list().stream().map(this::summary).toList();
        return new QuotaPage(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A quota with its ticket counts, tickets, subquotas and audit trail")
    public QuotaDetail detail(@PathParam("id") UUID id) {
        Quota quota = find(id);
        List<TicketView> tickets = new ArrayList<>();
        for (Ticket t : Ticket.<Ticket>list("quotaId = ?1 order by sector, rowLabel, seatLabel", id)) {
            tickets.add(new TicketView(t.id, t.matchId, t.sector, t.rowLabel, t.seatLabel, t.category, t.priceCents,
                    t.priceAfter(quota.discountPercent), t.status, t.attendeeName, t.attendeeEmail));
        }
        List<QuotaSummary> subquotas = Quota.<Quota>list("parentId = ?1 order by createdAt", id).stream()
                .map(this::summary).toList();
        return new QuotaDetail(summary(quota), quota.sectorList(), quota.discountPercent, quota.mayDelegate,
                quota.transferable, quota.allowPartial, quota.includeAccessible, quota.seed, quota.freeSeats,
                quota.failureReason, quota.createdAt, quota.createdBy, quota.cancelledAt, quota.cancellationScope,
                tickets, subquotas, audit.trail(id), quota.seatQuality);
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "A quota's audit trail: who did what and when")
    public List<Audit.Line> auditTrail(@PathParam("id") UUID id) {
        find(id);
        return audit.trail(id);
    }

    static Quota find(UUID id) {
        Quota quota = Quota.findById(id);
        if (quota == null) {
            throw new NotFoundException("no quota " + id);
        }
        return quota;
    }

    QuotaSummary summary(Quota q) {
        LocalDate today = LocalDate.now(clock.withZone(config.club().timeZone()));
        return new QuotaSummary(q.id, q.groupId, q.parentId, q.matchId, q.matchName, q.kickoff, q.holderEmail,
                q.holderName, q.quantity, q.unfulfilled, q.algorithm, q.state, q.expiresOn,
                ExpirationReminder.of(q.expiresOn, today, config.expiration().soonDays()), events.ticketCounts(q.id));
    }
}
