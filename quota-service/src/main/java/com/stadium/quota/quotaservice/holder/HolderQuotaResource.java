package com.stadium.quota.quotaservice.holder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.quotaservice.quota.ExpirationReminder;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The holder's own quotas, for the web portal and the mobile app alike: the caller is the email of their token,
 * and a quota of anyone else answers 404, as if it did not exist.
 */
@Path("/api/holder/quotas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-holder")
@Tag(name = "Quotas (holder)")
@SecurityRequirement(name = "SecurityScheme")
public class HolderQuotaResource {

    @Inject
    JsonWebToken caller;

    @Inject
    QuotaEvents events;

    @ConfigProperty(name = "suite.expiration.soon-days", defaultValue = "3")
    int soonDays;

    @ConfigProperty(name = "suite.club.time-zone", defaultValue = "Europe/Berlin")
    ZoneId clubZone;

    Clock clock = Clock.systemUTC();

    /** What the holder may do with a quota. */
    public record Permissions(boolean claim, boolean delegate, boolean transferable) {
    }

    /** One of the holder's quotas. */
    public record MyQuota(UUID id, UUID groupId, boolean received, String matchName, Instant kickoff,
            QuotaState state, int quantity, Map<TicketStatus, Integer> ticketCounts, Permissions permissions,
            ExpirationReminder expiration, List<SubquotaProgress> subquotas) {
    }

    /** Tickets the holder passed on, and how far the recipient got. */
    public record SubquotaProgress(UUID id, String recipientEmail, String recipientName, QuotaState state,
            Map<TicketStatus, Integer> ticketCounts) {
    }

    /** A ticket as a card: where, when, what it costs the holder, and its status. */
    public record TicketCard(UUID id, String matchName, Instant kickoff, String sector, String row, String seat,
            Integer priceCents, TicketStatus status) {
    }

    /** One quota with its tickets. */
    public record MyQuotaDetail(MyQuota quota, List<TicketCard> tickets) {
    }

    @GET
    @Operation(summary = "My quotas across matches, soonest match first")
    public List<MyQuota> mine() {
        return Quota.<Quota>list("holderEmail = ?1 and state <> ?2 order by kickoff, createdAt", email(),
                QuotaState.ALLOCATION_FAILED).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my quotas with its tickets as cards")
    public MyQuotaDetail detail(@PathParam("id") UUID id) {
        Quota quota = Quota.findById(id);
        if (quota == null || !quota.holderEmail.equals(email()) || quota.state == QuotaState.ALLOCATION_FAILED) {
            throw new NotFoundException("no quota " + id);
        }
        List<TicketCard> tickets = Ticket.<Ticket>list("quotaId = ?1 order by sector, rowLabel, seatLabel", id)
                .stream().filter(t -> t.status != TicketStatus.CANCELLED || quota.state == QuotaState.CANCELLED)
                .map(t -> new TicketCard(t.id, quota.matchName, quota.kickoff, t.sector, t.rowLabel, t.seatLabel,
                        t.priceAfter(quota.discountPercent), t.status))
                .toList();
        return new MyQuotaDetail(view(quota), tickets);
    }

    private String email() {
        String email = QuotaRules.normalEmail(caller.getClaim("email"));
        if (email == null) {
            throw new NotFoundException("no quotas for a token without an email");
        }
        return email;
    }

    private MyQuota view(Quota quota) {
        boolean open = quota.state == QuotaState.ALLOCATED || quota.state == QuotaState.PARTIALLY_ALLOCATED;
        List<SubquotaProgress> subquotas = Quota.<Quota>list("parentId = ?1 order by createdAt", quota.id).stream()
                .map(s -> new SubquotaProgress(s.id, s.holderEmail, s.holderName, s.state, events.ticketCounts(s.id)))
                .toList();
        return new MyQuota(quota.id, quota.groupId, quota.parentId != null, quota.matchName, quota.kickoff,
                quota.state, quota.quantity, events.ticketCounts(quota.id),
                new Permissions(open, open && quota.mayDelegate && quota.parentId == null, quota.transferable),
                ExpirationReminder.of(quota.expiresOn, LocalDate.now(clock.withZone(clubZone)), soonDays), subquotas);
    }
}
