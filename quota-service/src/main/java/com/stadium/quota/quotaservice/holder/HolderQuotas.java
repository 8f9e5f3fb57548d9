package com.stadium.quota.quotaservice.holder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.ClaimRules;
import com.stadium.quota.quotaservice.quota.ClaimStep;
import com.stadium.quota.quotaservice.quota.ExpirationReminder;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaRefusal;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.quotaservice.quota.TransferRules;
import com.stadium.quota.quotaservice.ticketcode.TicketCodes;
import com.stadium.quota.web.InvalidInput;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * A holder's quotas as the holder sees them, and the one door to change them: {@link #lockOwn} finds the caller's
 * quota and locks its row, so two changes to one quota (two tabs, web and app) take turns and the second sees the
 * first one's result.
 */
@ApplicationScoped
public class HolderQuotas {

    @Inject
    QuotaServiceConfig config;

    @Inject
    QuotaEvents events;

    @Inject
    Quotas quotas;

    @Inject
    Clock clock;

    @Inject
    TicketCodes codes;

    /**
     * What the holder may do with a quota.
     *
     * @param transferable the quota's tickets may go to another attendee (its own flag, or its parent's)
     * @param reassign a sold ticket may get another attendee now: transferable and before the cutoff before kick-off
     */
    public record Permissions(boolean claim, boolean delegate, boolean transferable, boolean reassign) {
    }

    /**
     * One of the holder's quotas.
     *
     * @param discountPercent the holder's discount on every ticket; 100 means free (no payment step)
     * @param receivedFrom who passed the tickets on, for a subquota; null for a quota from the club
     */
    public record MyQuota(UUID id, UUID groupId, boolean received, String matchName, Instant kickoff,
            QuotaState state, int quantity, Map<TicketStatus, Integer> ticketCounts, Permissions permissions,
            ExpirationReminder expiration, List<SubquotaProgress> subquotas, long matchId, int discountPercent,
            Person receivedFrom) {
    }

    /** Someone named on a quota: the holder who passed tickets on. */
    public record Person(String name, String email) {
    }

    /** Tickets the holder passed on, and how far the recipient got. */
    public record SubquotaProgress(UUID id, String recipientEmail, String recipientName, QuotaState state,
            Map<TicketStatus, Integer> ticketCounts) {
    }

    /**
     * A ticket as a card: where, when, what it costs the holder, its status and who it is for.
     *
     * @param holdExpiresAt when the hold ends, while the ticket is RESERVED in a claim before its payment; else null
     * @param claimStep the step of the claim the ticket is in, or null
     * @param attendeeVersion counts the ticket's re-assignments (and a sold ticket's cancellation); send it back
     *        with a re-assignment, so of two made from the same card one wins
     * @param code the signed code the ticket's QR carries, for a SOLD ticket only; else null
     * @param reassignable SOLD, and the quota's permissions allow a re-assignment now
     */
    public record TicketCard(UUID id, String matchName, Instant kickoff, String sector, String row, String seat,
            String category, Integer priceCents, TicketStatus status, UUID claimId, String attendeeName,
            String attendeeEmail, Instant holdExpiresAt, ClaimStep claimStep, int attendeeVersion, String code,
            boolean reassignable) {
    }

    /** One quota with its tickets. */
    public record MyQuotaDetail(MyQuota quota, List<TicketCard> tickets) {
    }

    public List<MyQuota> mine(String email) {
        return Quota.<Quota>list("holderEmail = ?1 and state <> ?2 order by kickoff, createdAt", email,
                QuotaState.ALLOCATION_FAILED).stream().map(this::view).toList();
    }

    /** The caller's quota with its tickets, unlocked; anyone else's is 404, as if it did not exist. */
    public Quota own(String email, UUID id) {
        return visible(email, quotas.find(id), id);
    }

    /** The caller's quota with its tickets, its row locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Quota lockOwn(String email, UUID id) {
        return visible(email, quotas.lock(id), id);
    }

    /**
     * A refusal of the quota as the holder gets it: 400 naming the field, 403, or 409 with the quota as it is now.
     * Wanted tickets that left for a subquota meanwhile make wrong input a conflict too.
     */
    public InvalidInput refused(QuotaRefusal refusal, Quota quota, List<UUID> wanted) {
        boolean passedOn = refusal.kind() == QuotaRefusal.Kind.INVALID && wanted != null
                && wanted.stream().anyMatch(id -> passedOnFrom(quota, id));
        return switch (passedOn ? QuotaRefusal.Kind.CONFLICT : refusal.kind()) {
            case INVALID -> new InvalidInput(refusal.violations());
            case FORBIDDEN -> InvalidInput.forbidden(refusal.violations());
            case CONFLICT -> InvalidInput.conflict(refusal.violations()).withCurrent(detail(quota));
        };
    }

    /** A refusal that names no tickets. */
    public InvalidInput refused(QuotaRefusal refusal, Quota quota) {
        return refused(refusal, quota, List.of());
    }

    private static Quota visible(String email, Quota quota, UUID id) {
        if (quota == null || email == null || !quota.holderEmail.equals(email)
                || quota.state == QuotaState.ALLOCATION_FAILED) {
            throw new NotFoundException("no quota " + id);
        }
        return quota;
    }

    public MyQuotaDetail detail(Quota quota) {
        return new MyQuotaDetail(view(quota),
                cards(quota, Ticket.list("quotaId = ?1 order by sector, rowLabel, seatId", quota.id)));
    }

    /** The quota's tickets as the holder sees them: a cancelled one only while the whole quota is cancelled. */
    public List<TicketCard> cards(Quota quota, List<Ticket> tickets) {
        boolean reassign = mayReassign(quota);
        Set<UUID> claimIds = tickets.stream().map(t -> t.claimId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, Claim> claims = claimIds.isEmpty() ? Map.of()
                : Claim.<Claim>list("id in ?1", claimIds).stream().collect(Collectors.toMap(c -> c.id, c -> c));
        return tickets.stream().filter(t -> t.status != TicketStatus.CANCELLED || quota.state == QuotaState.CANCELLED)
                .map(t -> card(quota, t, t.claimId == null ? null : claims.get(t.claimId), reassign)).toList();
    }

    /** One ticket of the quota as its card, whatever its status (the answer to a re-assignment, or its refusal). */
    public TicketCard card(Quota quota, Ticket ticket) {
        Claim claim = ticket.claimId == null ? null : Claim.findById(ticket.claimId);
        return card(quota, ticket, claim, mayReassign(quota));
    }

    private TicketCard card(Quota quota, Ticket t, Claim claim, boolean reassign) {
        ClaimStep step = claim == null ? null : claim.step;
        return new TicketCard(t.id, quota.matchName, quota.kickoff, t.sector, t.rowLabel, t.seatLabel, t.category,
                t.priceAfter(quota.discountPercent), t.status, t.claimId, t.attendeeName, t.attendeeEmail,
                claim == null ? null : ClaimRules.holdShown(t.status, step, claim.holdExpiresAt), step,
                t.attendeeVersion, codes.codeOf(t), reassign && t.status == TicketStatus.SOLD);
    }

    private boolean mayReassign(Quota quota) {
        return TransferRules.mayReassign(quota.transferable, quota.kickoff, config.transfer().cutoff(),
                clock.instant());
    }

    /** Whether the ticket left this quota for one of its subquotas (someone passed it on meanwhile). */
    public static boolean passedOnFrom(Quota quota, UUID ticketId) {
        Ticket ticket = ticketId == null ? null : Ticket.findById(ticketId);
        if (ticket == null) {
            return false;
        }
        Quota holder = Quota.findById(ticket.quotaId);
        return holder != null && Objects.equals(holder.parentId, quota.id);
    }

    private MyQuota view(Quota quota) {
        boolean open = quota.isOpen();
        List<SubquotaProgress> subquotas = Quota.<Quota>list("parentId = ?1 order by createdAt", quota.id).stream()
                .map(s -> new SubquotaProgress(s.id, s.holderEmail, s.holderName, s.state, events.ticketCounts(s.id)))
                .toList();
        Quota parent = quota.parentId == null ? null : Quota.findById(quota.parentId);
        return new MyQuota(quota.id, quota.groupId, quota.parentId != null, quota.matchName, quota.kickoff,
                quota.state, quota.quantity, events.ticketCounts(quota.id),
                new Permissions(open, open && quota.mayDelegate && quota.parentId == null, quota.transferable,
                        mayReassign(quota)),
                ExpirationReminder.of(quota.expiresOn, LocalDate.now(clock.withZone(config.club().timeZone())),
                        config.expiration().soonDays()), subquotas,
                quota.matchId, quota.discountPercent,
                parent == null ? null : new Person(parent.holderName, parent.holderEmail));
    }
}
