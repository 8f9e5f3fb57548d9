package com.stadium.quota.quotaservice.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.stadium.quota.quotaservice.quota.QuotaRefusal.Kind;
import com.stadium.quota.web.Violation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * The aggregate of a quota, its tickets and their claims (DESIGN.md, "Ticket status"). Every change of a ticket's
 * status, a claim's step or the quota's state is a method here that checks the rules ({@link ClaimRules},
 * {@link SubquotaRules}, {@link CancellationPlan}) and returns what happened as {@link QuotaEvent}s. {@link Quotas}
 * loads it with its tickets (under the row lock for changes) and saves what it added.
 */
@Entity
@Table(name = "quota")
public class Quota extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "match_id", nullable = false)
    public long matchId;

    @Column(name = "holder_email", nullable = false)
    public String holderEmail;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    /** Sector codes in order of preference, separated by {@code ;}. */
    @Column(nullable = false)
    public String sectors;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "discount_percent", nullable = false)
    public int discountPercent;

    @Column(nullable = false)
    public String algorithm;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "may_delegate", nullable = false)
    public boolean mayDelegate;

    @Column(nullable = false)
    public boolean transferable;

    @Column(name = "allow_partial", nullable = false)
    public boolean allowPartial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuotaState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The holder's quota when this one is a subquota. */
    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "match_name", nullable = false)
    public String matchName;

    @Column(name = "kickoff")
    public Instant kickoff;

    @Column(name = "include_accessible", nullable = false)
    public boolean includeAccessible;

    @Column(name = "allocation_request_id")
    public UUID allocationRequestId;

    /** REDOM's seed as allocation-service used it, to replay the draw. */
    @Column(name = "seed")
    public Long seed;

    /** How allocation-service seated the group; null until seats are held (or for quotas from before it). */
    @Column(name = "seat_quality", columnDefinition = "text")
    @Convert(converter = SeatQualityColumn.class)
    public SeatQuality seatQuality;

    /** Seats asked for but not held (partial allocation). */
    @Column(nullable = false)
    public int unfulfilled;

    /** For a failed allocation: the seats that were free. */
    @Column(name = "free_seats")
    public Integer freeSeats;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancellation_scope")
    @Enumerated(EnumType.STRING)
    public CancellationScope cancellationScope;

    @Version
    public long version;

    /** The quota's live and cancelled tickets, in sector, row, seat order; loaded by {@link Quotas}. */
    @Transient
    List<Ticket> tickets = new ArrayList<>();

    /** Tickets, claims and subquotas made by a transition, for {@link Quotas#save} to persist. */
    @Transient
    final List<PanacheEntityBase> added = new ArrayList<>();

    /** The quota allocation-service holds the seats under: a subquota's seats are still its parent's there. */
    public UUID inventoryHolder() {
        return parentId != null ? parentId : id;
    }

    public List<String> sectorList() {
        return List.of(sectors.split(";"));
    }

    /** The tickets as loaded, in sector, row, seat order (read only: change them through the transitions). */
    public List<Ticket> tickets() {
        return List.copyOf(tickets);
    }

    /** One of the quota's tickets, if it has that one. */
    public Optional<Ticket> ticket(UUID ticketId) {
        return tickets.stream().filter(t -> t.id.equals(ticketId)).findFirst();
    }

    /** Whether tickets can still be claimed or passed on. */
    public boolean isOpen() {
        return state == QuotaState.ALLOCATED || state == QuotaState.PARTIALLY_ALLOCATED;
    }

    // ---- creation and allocation

    /** A new quota of one match, waiting for its seats (one of a group when {@code groupId} is set). */
    public static Quota create(NewQuota request, MatchInfo match, UUID groupId, UUID allocationRequestId,
            String actor, Instant now) {
        Quota quota = new Quota();
        quota.id = UUID.randomUUID();
        quota.groupId = groupId;
        quota.matchId = match.id();
        quota.matchName = match.name();
        quota.kickoff = match.kickoff();
        quota.holderEmail = QuotaRules.normalEmail(request.holderEmail());
        quota.holderName = request.holderName().trim();
        quota.sectors = String.join(";", request.sectors());
        quota.quantity = request.quantity();
        quota.discountPercent = request.discountPercent() == null ? 0 : request.discountPercent();
        quota.algorithm = request.algorithm();
        quota.expiresOn = request.expiresOn();
        quota.mayDelegate = Boolean.TRUE.equals(request.delegate());
        quota.transferable = Boolean.TRUE.equals(request.transferable());
        quota.allowPartial = Boolean.TRUE.equals(request.allowPartial());
        quota.includeAccessible = Boolean.TRUE.equals(request.includeAccessible());
        quota.state = QuotaState.PENDING_ALLOCATION;
        quota.allocationRequestId = allocationRequestId;
        quota.createdAt = now;
        quota.createdBy = actor;
        return quota;
    }

    /** One seat allocation-service holds for the quota, with its category and full price. */
    public record HeldSeat(long seatId, String sector, String row, String seat, String category,
            Integer priceCents) {
    }

    /**
     * allocation-service's seat-quality summary (its report has the rest: GET /api/allocations/{requestId}).
     *
     * @param rule how the seats were chosen: 1 (one block, no orphan), 2 (one block), 3 (adjacent rows), split
     *        (over sectors) or random (REDOM)
     * @param together the whole group side by side in one row
     * @param orphansCreated single free seats the allocation left stranded
     * @param meanQuality mean seat quality, 0-100
     */
    public record SeatQuality(String rule, boolean together, int blocks, int rows, int sectors, int orphansCreated,
            double meanQuality) {
    }

    /** allocation-service's answer as the quota needs it; {@code seatQuality} is null when none was sent. */
    public record Allocation(Outcome outcome, int requested, int allocated, Integer freeSeats, String reason,
            Long seed, List<HeldSeat> seats, SeatQuality seatQuality) {

        public Allocation(Outcome outcome, int requested, int allocated, Integer freeSeats, String reason,
                Long seed, List<HeldSeat> seats) {
            this(outcome, requested, allocated, freeSeats, reason, seed, seats, null);
        }

        /** Seats held (all or some), or none. */
        public enum Outcome {
            ALLOCATED, PARTIALLY_ALLOCATED, FAILED
        }
    }

    /**
     * Seats held (ALLOCATED tickets) or not (ALLOCATION_FAILED), only while the quota waits for them; seats that come
     * for a quota cancelled meanwhile go back, and any other answer changes nothing.
     */
    public List<QuotaEvent> applyAllocation(Allocation result, Instant now) {
        if (state == QuotaState.CANCELLED) {
            return result.seats().isEmpty() ? List.of()
                    : List.of(new QuotaEvent.SeatsReturned(id, matchId,
                            result.seats().stream().map(HeldSeat::seatId).toList()));
        }
        if (state != QuotaState.PENDING_ALLOCATION) {
            return List.of();
        }
        seed = result.seed();
        if (result.outcome() == Allocation.Outcome.FAILED) {
            state = QuotaState.ALLOCATION_FAILED;
            freeSeats = result.freeSeats();
            failureReason = result.reason();
            return List.of(new QuotaEvent.AllocationFailed(id, freeSeats, failureReason));
        }
        state = result.outcome() == Allocation.Outcome.ALLOCATED ? QuotaState.ALLOCATED
                : QuotaState.PARTIALLY_ALLOCATED;
        seatQuality = result.seatQuality();
        unfulfilled = result.requested() - result.allocated();
        for (HeldSeat seat : result.seats()) {
            Ticket ticket = new Ticket();
            ticket.id = UUID.randomUUID();
            ticket.quotaId = id;
            ticket.matchId = matchId;
            ticket.seatId = seat.seatId();
            ticket.sector = seat.sector();
            ticket.rowLabel = seat.row();
            ticket.seatLabel = seat.seat();
            ticket.category = seat.category();
            ticket.priceCents = seat.priceCents();
            ticket.status = TicketStatus.ALLOCATED;
            ticket.updatedAt = now;
            tickets.add(ticket);
            added.add(ticket);
        }
        return List.of(new QuotaEvent.Allocated(id, state, result.seats().size(), unfulfilled, seed));
    }

    // ---- the claim

    /** Step 1: the chosen ALLOCATED tickets become RESERVED for a new claim until the hold lapses. */
    public List<QuotaEvent> reserve(List<UUID> wanted, String claimantEmail, String actor, Instant now,
            Duration hold) {
        requireOpen("claimed");
        List<UUID> ticketIds = wanted == null ? List.of() : wanted;
        List<Violation> violations = ClaimRules.select(ticketIds, views());
        if (!violations.isEmpty()) {
            boolean taken = tickets.stream().anyMatch(t -> ticketIds.contains(t.id)
                    && t.status != TicketStatus.ALLOCATED);
            throw new QuotaRefusal(taken ? Kind.CONFLICT : Kind.INVALID, violations);
        }
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.quotaId = id;
        claim.claimantEmail = claimantEmail;
        claim.step = ClaimStep.SELECTED;
        claim.holdExpiresAt = ClaimRules.holdExpiry(now, hold);
        claim.createdAt = now;
        claim.createdBy = actor;
        claim.updatedAt = now;
        added.add(claim);
        Set<UUID> chosen = new HashSet<>(ticketIds);
        for (Ticket ticket : tickets) {
            if (chosen.contains(ticket.id)) {
                ticket.status = TicketStatus.RESERVED;
                ticket.claimId = claim.id;
                ticket.updatedAt = now;
            }
        }
        return List.of(new QuotaEvent.TicketsReserved(id, claim.id, List.copyOf(ticketIds), claim.holdExpiresAt));
    }

    /**
     * Step 2: who sits on each ticket of the claim (correctable until the payment starts). Tickets that cost
     * nothing are sold at once; a seat without a price is refused rather than given away.
     */
    public List<QuotaEvent> attend(Claim claim, List<ClaimRules.Attendee> attendees, String claimantEmail,
            Instant now) {
        requireOwn(claim);
        List<Ticket> mine = ticketsOf(claim);
        List<Violation> violations = ClaimRules.attendees(claim.step, mine.stream().map(t -> t.id).toList(),
                attendees, claimantEmail);
        if (!violations.isEmpty()) {
            throw new QuotaRefusal(ClaimRules.isOutOfOrder(violations) ? Kind.CONFLICT : Kind.INVALID, violations);
        }
        requireLiveHold(claim, now);
        List<Violation> unpriced = new ArrayList<>();
        int amount = 0;
        for (Ticket ticket : mine) {
            Integer price = ticket.priceAfter(discountPercent);
            if (price == null && discountPercent < 100) {
                unpriced.add(new Violation("tickets", "the club has not priced this seat yet; ask the club", null,
                        ticket.id.toString()));
            }
            amount += price == null ? 0 : price;
        }
        if (!unpriced.isEmpty()) {
            throw new QuotaRefusal(Kind.CONFLICT, unpriced);
        }
        Map<UUID, ClaimRules.Attendee> byTicket = new LinkedHashMap<>();
        attendees.forEach(a -> byTicket.put(a.ticketId(), a));
        for (Ticket ticket : mine) {
            ClaimRules.Attendee attendee = byTicket.get(ticket.id);
            ticket.attendeeName = attendee.name().strip();
            ticket.attendeeEmail = QuotaRules.normalEmail(attendee.email());
            ticket.updatedAt = now;
        }
        claim.amountCents = amount;
        claim.step = ClaimRules.afterAttendees(discountPercent, amount);
        claim.updatedAt = now;
        if (claim.step == ClaimStep.COMPLETED) {
            return List.of(complete(claim, now));
        }
        return List.of(new QuotaEvent.AttendeesNamed(id, claim.id, amount));
    }

    /**
     * Step 3: the claim waits for its payment (PAYMENT_PENDING) before the provider is asked, so nobody waits for the
     * provider behind this quota's lock. Asked again while pending it changes nothing (the first return address
     * stays).
     */
    public List<QuotaEvent> requestPayment(Claim claim, String returnUrl, Instant now, Duration paymentTimeout) {
        requireOwn(claim);
        if (claim.step == ClaimStep.PAYMENT_PENDING) {
            return List.of();
        }
        List<Violation> violations = ClaimRules.pay(claim.step, false);
        if (!violations.isEmpty()) {
            throw new QuotaRefusal(Kind.CONFLICT, violations);
        }
        requireLiveHold(claim, now);
        claim.returnUrl = returnUrl;
        claim.step = ClaimStep.PAYMENT_PENDING;
        claim.paymentDeadline = now.plus(paymentTimeout);
        claim.updatedAt = now;
        return List.of(new QuotaEvent.PaymentRequested(id, claim.id, claim.amountCents));
    }

    /** The provider's payment for a claim still waiting for it; nothing for a claim that ended meanwhile. */
    public List<QuotaEvent> paymentStarted(Claim claim, String paymentId, Instant now) {
        requireOwn(claim);
        if (claim.step != ClaimStep.PAYMENT_PENDING || paymentId.equals(claim.paymentId)) {
            return List.of();
        }
        claim.paymentId = paymentId;
        claim.updatedAt = now;
        return List.of(new QuotaEvent.PaymentStarted(id, claim.id, paymentId, claim.amountCents));
    }

    /** The claim's payment was made: its RESERVED tickets are SOLD with what was paid. */
    public List<QuotaEvent> sell(Claim claim, Instant now) {
        requireOwn(claim);
        if (claim.step != ClaimStep.PAYMENT_PENDING) {
            throw QuotaRefusal.conflict("claim", "the claim is " + lower(claim.step) + "; only a claim waiting for "
                    + "its payment can be paid", claim.step.name());
        }
        return List.of(complete(claim, now));
    }

    /** The claim ends without a sale: its tickets are ALLOCATED again, attendees forgotten. */
    public List<QuotaEvent> release(Claim claim, String because, Instant now) {
        requireOwn(claim);
        if (!ClaimRules.isOpen(claim.step)) {
            throw QuotaRefusal.conflict("claim", "the claim is " + lower(claim.step) + "; nothing to give up",
                    claim.step.name());
        }
        int released = 0;
        for (Ticket ticket : ticketsOf(claim)) {
            if (ticket.status == TicketStatus.RESERVED) {
                ticket.status = TicketStatus.ALLOCATED;
                ticket.claimId = null;
                ticket.attendeeName = null;
                ticket.attendeeEmail = null;
                ticket.updatedAt = now;
                released++;
            }
        }
        claim.step = ClaimStep.RELEASED;
        claim.releasedBecause = because;
        claim.updatedAt = now;
        return List.of(new QuotaEvent.TicketsReleased(id, claim.id, because, released));
    }

    private QuotaEvent.TicketsSold complete(Claim claim, Instant now) {
        List<QuotaEvent.SoldTicket> sold = new ArrayList<>();
        for (Ticket ticket : ticketsOf(claim)) {
            if (ticket.status == TicketStatus.RESERVED) {
                ticket.status = TicketStatus.SOLD;
                ticket.paidCents = paidCents(ticket);
                ticket.updatedAt = now;
                sold.add(new QuotaEvent.SoldTicket(ticket.id, ticket.seatId, ticket.sector, ticket.rowLabel,
                        ticket.seatLabel, ticket.attendeeName, ticket.attendeeEmail, ticket.paidCents));
            }
        }
        claim.step = ClaimStep.COMPLETED;
        claim.updatedAt = now;
        return new QuotaEvent.TicketsSold(id, claim.id, claim.claimantEmail, claim.amountCents, sold);
    }

    /** The claim's tickets in sector, row, seat order. */
    public List<Ticket> ticketsOf(Claim claim) {
        return tickets.stream().filter(t -> claim.id.equals(t.claimId))
                .sorted(Comparator.comparing((Ticket t) -> t.sector).thenComparing(t -> t.rowLabel)
                        .thenComparingLong(t -> t.seatId))
                .toList();
    }

    // ---- subquotas

    /** What a holder passes on: a number of tickets (seated together) or the tickets themselves. */
    public record PassOn(String recipientEmail, String recipientName, Integer tickets, List<UUID> ticketIds,
            String personalMessage) {
    }

    /**
     * Which tickets {@link #passOn} would move, changing nothing; refused with every broken rule at once. A chosen
     * ticket that is no longer free is a conflict (taken meanwhile), as is asking for more than are free.
     */
    public List<UUID> choosePassOn(PassOn request) {
        requireOpen("passed on");
        List<Ticket> free = tickets.stream().filter(t -> t.status == TicketStatus.ALLOCATED).toList();
        List<Violation> violations = new ArrayList<>();
        boolean chosen = request.ticketIds() != null;
        if (chosen == (request.tickets() != null)) {
            violations.add(Violation.of("tickets", "give either a number of tickets or ticketIds, not both"));
        }
        int count = chosen ? request.ticketIds().size() : request.tickets() == null ? 0 : request.tickets();
        violations.addAll(SubquotaRules.check(asParent(free.size()), request.recipientEmail(),
                request.recipientName(), count));
        if (request.personalMessage() != null && request.personalMessage().length() > 1000) {
            violations.add(Violation.of("personalMessage", "at most 1000 characters"));
        }
        if (chosen) {
            List<Violation> wrong = ClaimRules.select(request.ticketIds(), views());
            if (!wrong.isEmpty()) {
                violations.addAll(wrong);
                boolean taken = tickets.stream().anyMatch(t -> request.ticketIds().contains(t.id)
                        && t.status != TicketStatus.ALLOCATED);
                throw new QuotaRefusal(taken ? Kind.CONFLICT : Kind.INVALID, violations);
            }
        }
        if (!violations.isEmpty()) {
            // more tickets asked than are free is the only rule another request can have broken meanwhile
            throw new QuotaRefusal(count > free.size() ? Kind.CONFLICT : Kind.INVALID, violations);
        }
        return chosen ? List.copyOf(request.ticketIds())
                : SubquotaRules.keepTogether(free.stream().map(t -> new SubquotaRules.Seat(t.id, t.sector,
                        t.rowLabel, t.seatId)).toList(), count);
    }

    /**
     * Passes tickets on to a new subquota for the recipient: it copies match, discount and expiration, inherits
     * <em>transferable</em> and never gets <em>delegate</em>.
     */
    public List<QuotaEvent> passOn(PassOn request, String actor, Instant now) {
        List<UUID> passedOn = choosePassOn(request);
        SubquotaRules.Rights rights = SubquotaRules.rightsOf(asParent(0));
        Quota sub = new Quota();
        sub.id = UUID.randomUUID();
        sub.parentId = id;
        sub.matchId = matchId;
        sub.matchName = matchName;
        sub.kickoff = kickoff;
        sub.holderEmail = QuotaRules.normalEmail(request.recipientEmail());
        sub.holderName = request.recipientName().strip();
        sub.sectors = sectors;
        sub.quantity = passedOn.size();
        sub.discountPercent = discountPercent;
        sub.algorithm = algorithm;
        sub.expiresOn = expiresOn;
        sub.mayDelegate = rights.mayDelegate();
        sub.transferable = rights.transferable();
        sub.includeAccessible = includeAccessible;
        sub.state = QuotaState.ALLOCATED;
        sub.createdAt = now;
        sub.createdBy = actor;
        added.add(sub);
        Set<UUID> moving = new HashSet<>(passedOn);
        for (Ticket ticket : List.copyOf(tickets)) {
            if (moving.contains(ticket.id)) {
                move(ticket, this, sub, now);
            }
        }
        String message = request.personalMessage() == null || request.personalMessage().isBlank() ? null
                : request.personalMessage().strip();
        return List.of(new QuotaEvent.TicketsPassedOn(id, sub.id, sub.holderEmail, sub.holderName, passedOn,
                message));
    }

    /** The new subquota a {@link QuotaEvent.TicketsPassedOn} names, until it is saved. */
    public Quota subquota(UUID subquotaId) {
        return added.stream().filter(e -> e instanceof Quota q && q.id.equals(subquotaId)).map(Quota.class::cast)
                .findFirst().orElseThrow();
    }

    /**
     * Takes back a subquota's ALLOCATED tickets; RESERVED and SOLD ones stay with the recipient. A subquota left with
     * nothing is closed (CANCELLED); its quantity keeps what was passed on.
     */
    public List<QuotaEvent> retract(Quota sub, Instant now) {
        if (!id.equals(sub.parentId)) {
            throw new IllegalArgumentException("quota " + sub.id + " is not a subquota of " + id);
        }
        if (sub.state == QuotaState.CANCELLED) {
            throw QuotaRefusal.conflict("subquota", "was closed already", sub.state.name());
        }
        int back = 0;
        for (Ticket ticket : List.copyOf(sub.tickets)) {
            if (ticket.status == TicketStatus.ALLOCATED) {
                move(ticket, sub, this, now);
                back++;
            }
        }
        if (back == 0) {
            throw QuotaRefusal.conflict("subquota", "every ticket is claimed by " + sub.holderName
                    + " already; nothing to take back", sub.id.toString());
        }
        boolean closed = sub.tickets.stream().allMatch(t -> t.status == TicketStatus.CANCELLED);
        if (closed) {
            sub.state = QuotaState.CANCELLED;
            sub.cancelledAt = now;
        }
        return List.of(new QuotaEvent.TicketsRetracted(id, sub.id, back, closed));
    }

    private static void move(Ticket ticket, Quota from, Quota to, Instant now) {
        ticket.quotaId = to.id;
        ticket.updatedAt = now;
        from.tickets.remove(ticket);
        to.tickets.add(ticket);
    }

    private SubquotaRules.Parent asParent(int allocatedTickets) {
        return new SubquotaRules.Parent(holderEmail, mayDelegate, parentId != null, transferable, allocatedTickets);
    }

    // ---- re-assignment (issue 21)

    /**
     * Who a sold ticket goes to instead; {@code seenVersion} is the attendee version the caller saw (null: any), so
     * of two re-assignments made from the same card one wins and the other is a conflict.
     */
    public record Reassignment(UUID ticketId, String name, String email, Integer seenVersion) {
    }

    /**
     * A SOLD ticket gets a new attendee, when the quota is <em>transferable</em> (a subquota's flag is its parent's,
     * copied when it was passed on) and until {@code cutoff} before kick-off; its attendee version counts up, which
     * voids the code signed for the previous attendee. An admin acting as the holder may do it too: nothing is paid.
     */
    public List<QuotaEvent> reassign(Reassignment request, Instant now, Duration cutoff) {
        Ticket ticket = ticket(request.ticketId()).orElse(null);
        if (ticket == null) {
            throw new QuotaRefusal(Kind.INVALID, List.of(new Violation("ticketId", "not a ticket of this quota",
                    null, String.valueOf(request.ticketId()))));
        }
        if (!transferable) {
            throw new QuotaRefusal(Kind.FORBIDDEN, List.of(new Violation("quota", parentId == null
                    ? "this quota's tickets are not transferable" : "the tickets you received are not transferable",
                    null, id.toString())));
        }
        if (ticket.status != TicketStatus.SOLD) {
            throw QuotaRefusal.conflict("ticketId", "the ticket is " + lower(ticket.status)
                    + "; only a sold ticket can be given to another attendee", ticket.status.name());
        }
        if (request.seenVersion() != null && request.seenVersion() != ticket.attendeeVersion) {
            throw QuotaRefusal.conflict("attendeeVersion", "the ticket was changed meanwhile; its attendee is now "
                    + ticket.attendeeName + " <" + ticket.attendeeEmail + ">",
                    Integer.toString(ticket.attendeeVersion));
        }
        Instant deadline = TransferRules.deadline(kickoff, cutoff);
        if (deadline != null && !now.isBefore(deadline)) {
            throw QuotaRefusal.conflict("ticketId", "tickets can be given to someone else until " + deadline
                    + " (" + cutoff.toMinutes() + " minutes before kick-off)", deadline.toString());
        }
        List<Violation> violations = TransferRules.newAttendee(request.name(), request.email(),
                ticket.attendeeEmail);
        if (!violations.isEmpty()) {
            throw new QuotaRefusal(Kind.INVALID, violations);
        }
        String previousName = ticket.attendeeName;
        String previousEmail = ticket.attendeeEmail;
        ticket.attendeeName = request.name().strip();
        ticket.attendeeEmail = QuotaRules.normalEmail(request.email());
        ticket.attendeeVersion++;
        ticket.updatedAt = now;
        return List.of(new QuotaEvent.TicketReassigned(id, new QuotaEvent.SoldTicket(ticket.id, ticket.seatId,
                ticket.sector, ticket.rowLabel, ticket.seatLabel, ticket.attendeeName, ticket.attendeeEmail,
                ticket.paidCents), previousName, previousEmail, ticket.attendeeVersion));
    }

    // ---- cancellation

    /**
     * Cancels the quota by {@code scope}: its open claims end first (a paid one sells its tickets, the others give
     * them back), then {@link CancellationPlan} says which tickets are cancelled and which refunded.
     *
     * @param openClaims the quota's claims still in step 1, 2 or 3
     * @param paidClaims those of them whose payment the provider reports paid
     */
    public List<QuotaEvent> cancel(CancellationScope scope, List<Claim> openClaims, Set<UUID> paidClaims,
            Instant now) {
        if (state == QuotaState.CANCELLED) {
            throw QuotaRefusal.conflict("quota", "already cancelled", state.name());
        }
        List<QuotaEvent> events = new ArrayList<>();
        for (Claim claim : openClaims) {
            events.addAll(paidClaims.contains(claim.id) && claim.step == ClaimStep.PAYMENT_PENDING
                    ? sell(claim, now) : release(claim, "QUOTA_CANCELLED", now));
        }
        CancellationPlan.Outcome outcome = CancellationPlan.plan(tickets.stream().map(t -> new CancellationPlan
                .TicketView(t.id, t.status, kickoff, t.paidCents)).toList(), scope, now);
        Set<UUID> cancelled = new HashSet<>(outcome.cancelled());
        for (Ticket ticket : tickets) {
            if (cancelled.contains(ticket.id)) {
                if (ticket.status == TicketStatus.SOLD) {
                    // the code mailed for it must be refused at the gate
                    ticket.attendeeVersion++;
                }
                ticket.status = TicketStatus.CANCELLED;
                ticket.updatedAt = now;
            }
        }
        int unfulfilledCancelled = unfulfilled;
        unfulfilled = 0;
        state = QuotaState.CANCELLED;
        cancelledAt = now;
        cancellationScope = scope;
        events.add(new QuotaEvent.Cancelled(id, scope, outcome, unfulfilledCancelled));
        return events;
    }

    /** What {@link #cancel} would decide now, changing nothing. */
    public CancellationPlan.Outcome cancellationPreview(CancellationScope scope, List<Claim> openClaims,
            Set<UUID> paidClaims, Instant now) {
        Map<UUID, Boolean> settledAsPaid = new LinkedHashMap<>();
        for (Claim claim : openClaims) {
            requireOwn(claim);
            boolean paid = paidClaims.contains(claim.id) && claim.step == ClaimStep.PAYMENT_PENDING;
            ticketsOf(claim).forEach(t -> settledAsPaid.put(t.id, paid));
        }
        List<CancellationPlan.TicketView> views = tickets.stream().map(t -> {
            Boolean paid = t.status == TicketStatus.RESERVED ? settledAsPaid.get(t.id) : null;
            if (paid == null) {
                return new CancellationPlan.TicketView(t.id, t.status, kickoff, t.paidCents);
            }
            return paid ? new CancellationPlan.TicketView(t.id, TicketStatus.SOLD, kickoff, paidCents(t))
                    : new CancellationPlan.TicketView(t.id, TicketStatus.ALLOCATED, kickoff, t.paidCents);
        }).toList();
        return CancellationPlan.plan(views, scope, now);
    }

    // ---- shared checks

    private int paidCents(Ticket ticket) {
        Integer price = ticket.priceAfter(discountPercent);
        return price == null ? 0 : price;
    }

    private List<ClaimRules.TicketView> views() {
        return tickets.stream().map(t -> new ClaimRules.TicketView(t.id, t.status)).toList();
    }

    private void requireOpen(String what) {
        if (!isOpen()) {
            throw QuotaRefusal.conflict("quota", "the quota is " + lower(state) + "; nothing can be " + what,
                    state.name());
        }
    }

    private void requireOwn(Claim claim) {
        if (!id.equals(claim.quotaId)) {
            throw new IllegalArgumentException("claim " + claim.id + " is not one of quota " + id);
        }
    }

    private static void requireLiveHold(Claim claim, Instant now) {
        if (!now.isBefore(claim.holdExpiresAt)) {
            throw QuotaRefusal.conflict("claim", "the hold on these tickets expired at " + claim.holdExpiresAt
                    + "; select them again", claim.holdExpiresAt.toString());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
