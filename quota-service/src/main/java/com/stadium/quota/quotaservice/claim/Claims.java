package com.stadium.quota.quotaservice.claim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.claim.ClaimRules.Attendee;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.holder.HolderQuotas;
import com.stadium.quota.quotaservice.holder.HolderQuotas.TicketCard;
import com.stadium.quota.quotaservice.payment.PaymentProvider;
import com.stadium.quota.quotaservice.payment.PaymentProvider.PaymentOrder;
import com.stadium.quota.quotaservice.payment.PaymentProvider.PaymentSession;
import com.stadium.quota.quotaservice.payment.PaymentStatus;
import com.stadium.quota.quotaservice.payment.ReturnUrl;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.quotaservice.allocation.SeatSales;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The claim's three steps over {@link ClaimRules}. Every change locks the quota's row first ({@link HolderQuotas}),
 * and tickets change only from the status the step expects, so of two requests on the same tickets one wins and the
 * other gets 409 with the state it lost to.
 */
@ApplicationScoped
public class Claims {

    private static final Logger LOG = Logger.getLogger(Claims.class);

    @Inject
    HolderQuotas quotas;

    @Inject
    QuotaEvents events;

    @Inject
    Audit audit;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    PaymentProvider payments;

    @Inject
    SeatSales sales;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "suite.claim.hold", defaultValue = "15m")
    Duration hold;

    @ConfigProperty(name = "suite.claim.payment-timeout", defaultValue = "15m")
    Duration paymentTimeout;

    @ConfigProperty(name = "suite.payment.currency", defaultValue = "EUR")
    String currency;

    /** Where a payer may be sent back to after the payment page: the portal's pages, the app's scheme. */
    @ConfigProperty(name = "suite.payment.return-url-prefixes")
    List<String> returnUrlPrefixes;

    /** A claim as the holder sees it. */
    public record ClaimView(UUID id, UUID quotaId, ClaimStep step, Instant holdExpiresAt, int amountCents,
            String currency, String paymentId, String paymentUrl, String releasedBecause, List<TicketCard> tickets) {
    }

    /** Step 1: the chosen ALLOCATED tickets become RESERVED for this claim until the hold lapses. */
    @Transactional
    public ClaimView select(Caller caller, UUID quotaId, List<UUID> wanted) {
        List<UUID> ticketIds = wanted == null ? List.of() : wanted;
        Quota quota = quotas.lockOwn(caller.email(), quotaId);
        requireOpen(quota);
        List<Ticket> owned = Ticket.list("quotaId", quotaId);
        List<Violation> violations = ClaimRules.select(ticketIds,
                owned.stream().map(t -> new ClaimRules.TicketView(t.id, t.status)).toList());
        if (!violations.isEmpty()) {
            boolean lostToSomeone = owned.stream()
                    .anyMatch(t -> ticketIds.contains(t.id) && t.status != TicketStatus.ALLOCATED)
                    || ticketIds.stream().anyMatch(id -> HolderQuotas.passedOnFrom(quota, id));
            InvalidInput refusal = lostToSomeone ? InvalidInput.conflict(violations) : new InvalidInput(violations);
            throw refusal.withCurrent(quotas.detail(quota));
        }
        Instant now = Instant.now();
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.quotaId = quotaId;
        claim.claimantEmail = caller.email();
        claim.step = ClaimStep.SELECTED;
        claim.holdExpiresAt = ClaimRules.holdExpiry(now, hold);
        claim.createdAt = now;
        claim.createdBy = caller.actor();
        claim.updatedAt = now;
        claim.persist();
        Set<UUID> chosen = new HashSet<>(ticketIds);
        for (Ticket ticket : owned) {
            if (chosen.contains(ticket.id)) {
                ticket.status = TicketStatus.RESERVED;
                ticket.claimId = claim.id;
                ticket.updatedAt = now;
            }
        }
        record(quota, claim, caller, "CLAIM_STARTED", Map.of("tickets", ticketIds.size(),
                "holdExpiresAt", claim.holdExpiresAt.toString()));
        return view(quota, claim, null);
    }

    /** Step 2: who sits on each ticket. Free tickets are confirmed at once; the others wait for the payment. */
    @Transactional
    public ClaimView attendees(Caller caller, UUID quotaId, UUID claimId, List<Attendee> attendees) {
        Quota quota = quotas.lockOwn(caller.email(), quotaId);
        Claim claim = claimOf(quota, claimId);
        List<Ticket> tickets = ticketsOf(claim);
        List<Violation> violations = ClaimRules.attendees(claim.step,
                tickets.stream().map(t -> t.id).toList(), attendees, caller.email());
        refuseIfAny(violations, quota);
        requireLiveHold(quota, claim);
        Map<UUID, Attendee> byTicket = new LinkedHashMap<>();
        attendees.forEach(a -> byTicket.put(a.ticketId(), a));
        int amount = 0;
        List<Violation> unpriced = new ArrayList<>();
        for (Ticket ticket : tickets) {
            Attendee attendee = byTicket.get(ticket.id);
            ticket.attendeeName = attendee.name().strip();
            ticket.attendeeEmail = QuotaRules.normalEmail(attendee.email());
            ticket.updatedAt = Instant.now();
            Integer price = ticket.priceAfter(quota.discountPercent);
            if (price == null && quota.discountPercent < 100) {
                unpriced.add(new Violation("tickets", "the club has not priced this seat yet; ask the club", null,
                        ticket.id.toString()));
            }
            amount += price == null ? 0 : price;
        }
        if (!unpriced.isEmpty()) {
            throw InvalidInput.conflict(unpriced).withCurrent(quotas.detail(quota));
        }
        claim.amountCents = amount;
        claim.step = ClaimRules.afterAttendees(quota.discountPercent, amount);
        claim.updatedAt = Instant.now();
        if (claim.step == ClaimStep.COMPLETED) {
            complete(quota, claim, caller.actor(), caller.onBehalfOf());
        } else {
            record(quota, claim, caller, "CLAIM_ATTENDEES_GIVEN", Map.of("amountCents", amount));
        }
        return view(quota, claim, null);
    }

    /**
     * Step 3: asks the payment service for the money, keyed by the claim so a repeated request returns the same
     * payment instead of charging twice (with the return address asked for first). A masquerading admin may not do
     * this.
     *
     * @param returnUrl where the payer goes back to after paying, under one of the allowed prefixes; may be null
     */
    @Transactional
    public ClaimView pay(Caller caller, UUID quotaId, UUID claimId, String returnUrl) {
        Quota quota = quotas.lockOwn(caller.email(), quotaId);
        Claim claim = claimOf(quota, claimId);
        if (caller.masquerading()) {
            throw InvalidInput.forbidden(ClaimRules.pay(claim.step, true));
        }
        refuseIfAny(ReturnUrl.check(returnUrl, returnUrlPrefixes), quota);
        if (claim.step == ClaimStep.PAYMENT_PENDING) {
            return view(quota, claim, payments.create(order(quota, claim)).redirectUrl());
        }
        refuseIfAny(ClaimRules.pay(claim.step, false), quota);
        requireLiveHold(quota, claim);
        claim.returnUrl = returnUrl;
        PaymentSession session = payments.create(order(quota, claim));
        Instant now = Instant.now();
        claim.paymentId = session.paymentId();
        claim.step = ClaimStep.PAYMENT_PENDING;
        claim.paymentDeadline = now.plus(paymentTimeout);
        claim.updatedAt = now;
        record(quota, claim, caller, "PAYMENT_STARTED", Map.of("paymentId", session.paymentId(),
                "amountCents", claim.amountCents));
        return view(quota, claim, session.redirectUrl());
    }

    /** The holder gives up: the tickets are ALLOCATED again (a pending payment is cancelled first). */
    @Transactional
    public ClaimView abandon(Caller caller, UUID quotaId, UUID claimId) {
        Quota quota = quotas.lockOwn(caller.email(), quotaId);
        Claim claim = claimOf(quota, claimId);
        switch (claim.step) {
            case SELECTED, ATTENDEES_GIVEN -> release(quota, claim, "ABANDONED", caller.actor(), caller.onBehalfOf());
            case PAYMENT_PENDING -> {
                PaymentStatus status = payments.cancel(claim.paymentId);
                if (status == PaymentStatus.PAID) {
                    complete(quota, claim, caller.actor(), caller.onBehalfOf());
                } else {
                    release(quota, claim, "ABANDONED", caller.actor(), caller.onBehalfOf());
                }
            }
            default -> throw InvalidInput.conflict(List.of(new Violation("claim", "the claim is "
                    + claim.step.name().toLowerCase(java.util.Locale.ROOT) + "; nothing to give up", null,
                    claim.step.name()))).withCurrent(quotas.detail(quota));
        }
        return view(quota, claim, null);
    }

    public ClaimView find(Caller caller, UUID quotaId, UUID claimId) {
        Quota quota = quotas.own(caller.email(), quotaId);
        return view(quota, claimOf(quota, claimId), null);
    }

    /**
     * The payment service's answer (callback, sandbox or poll); false when no claim has that payment. An answer for
     * a claim no longer waiting for it (a repeated callback) changes nothing.
     */
    @Transactional
    public boolean paymentAnswered(String paymentId, PaymentStatus status) {
        List<Object[]> found = entityManager.createQuery(
                "select c.id, c.quotaId from Claim c where c.paymentId = :payment", Object[].class)
                .setParameter("payment", paymentId).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        if (!status.isFinal()) {
            return true;
        }
        // the claim is read only once the quota's lock is ours, so a concurrent answer is seen, not overwritten
        Quota quota = Quota.findById(found.get(0)[1], LockModeType.PESSIMISTIC_WRITE);
        Claim claim = Claim.findById(found.get(0)[0]);
        ClaimStep next = ClaimRules.paymentResult(claim.step, status == PaymentStatus.PAID);
        if (next == claim.step) {
            return true;
        }
        if (next == ClaimStep.COMPLETED) {
            complete(quota, claim, "payment-service", null);
        } else {
            release(quota, claim, "PAYMENT_" + status.name(), "payment-service", null);
        }
        return true;
    }

    /** Open claims whose hold or payment deadline lapsed, oldest first. */
    @Transactional
    public List<UUID> due(Instant now, int max) {
        return Claim.<Claim>find("""
                (step in (?1, ?2) and holdExpiresAt <= ?4) or (step = ?3 and paymentDeadline <= ?4)
                order by holdExpiresAt""", ClaimStep.SELECTED, ClaimStep.ATTENDEES_GIVEN,
                ClaimStep.PAYMENT_PENDING, now).page(0, max).list().stream().map(c -> c.id).toList();
    }

    /**
     * Releases a lapsed hold; a payment past its deadline is read from the provider once more and, if still pending,
     * cancelled there before the tickets go back (a late "paid" then sells them).
     */
    public void expire(UUID claimId, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID quotaId = entityManager.createQuery("select c.quotaId from Claim c where c.id = :id", UUID.class)
                    .setParameter("id", claimId).getSingleResult();
            Quota quota = Quota.findById(quotaId, LockModeType.PESSIMISTIC_WRITE);
            Claim claim = Claim.findById(claimId);
            if (ClaimRules.releasedByExpiry(claim.step, claim.holdExpiresAt, now)) {
                release(quota, claim, "HOLD_EXPIRED", "hold-expiry", null);
            } else if (claim.step == ClaimStep.PAYMENT_PENDING && !now.isBefore(claim.paymentDeadline)) {
                PaymentStatus status = payments.status(claim.paymentId);
                if (status == PaymentStatus.PENDING) {
                    status = payments.cancel(claim.paymentId);
                }
                if (status == PaymentStatus.PAID) {
                    complete(quota, claim, "payment-service", null);
                } else {
                    release(quota, claim, status == PaymentStatus.FAILED ? "PAYMENT_FAILED" : "PAYMENT_TIMED_OUT",
                            "hold-expiry", null);
                }
            }
        });
    }

    /**
     * Before a quota is cancelled, its open claims end: a payment still pending is cancelled at the provider, and one
     * that was paid meanwhile is completed, so the cancellation treats those tickets as sold (kept or refunded by its
     * scope) rather than taking money for nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleBeforeCancellation(Quota quota, String actor) {
        for (Claim claim : openClaims(quota)) {
            PaymentStatus status = claim.step == ClaimStep.PAYMENT_PENDING ? payments.cancel(claim.paymentId) : null;
            if (status == PaymentStatus.PAID) {
                complete(quota, claim, actor, null);
            } else {
                release(quota, claim, "QUOTA_CANCELLED", actor, null);
            }
        }
    }

    /** A ticket's status and paid amount once a cancellation has settled its claim. */
    public record Settled(TicketStatus status, Integer paidCents) {
    }

    /**
     * What {@link #settleBeforeCancellation} would make of the quota's reserved tickets, changing nothing: the
     * payment provider is only asked for a pending payment's status (PAID completes the claim, anything else
     * releases it), never asked to cancel it.
     */
    public Map<UUID, Settled> settlementPreview(Quota quota) {
        Map<UUID, Settled> settled = new LinkedHashMap<>();
        for (Claim claim : openClaims(quota)) {
            boolean paid = claim.step == ClaimStep.PAYMENT_PENDING
                    && payments.status(claim.paymentId) == PaymentStatus.PAID;
            for (Ticket ticket : ticketsOf(claim)) {
                if (ticket.status == TicketStatus.RESERVED) {
                    settled.put(ticket.id, paid ? new Settled(TicketStatus.SOLD, paidCents(ticket, quota))
                            : new Settled(TicketStatus.ALLOCATED, ticket.paidCents));
                }
            }
        }
        return settled;
    }

    private static List<Claim> openClaims(Quota quota) {
        return Claim.list("quotaId = ?1 and step in ?2", quota.id,
                List.of(ClaimStep.SELECTED, ClaimStep.ATTENDEES_GIVEN, ClaimStep.PAYMENT_PENDING));
    }

    private static int paidCents(Ticket ticket, Quota quota) {
        Integer price = ticket.priceAfter(quota.discountPercent);
        return price == null ? 0 : price;
    }

    private void complete(Quota quota, Claim claim, String actor, String onBehalfOf) {
        Instant now = Instant.now();
        List<Ticket> sold = new ArrayList<>();
        for (Ticket ticket : ticketsOf(claim)) {
            if (ticket.status == TicketStatus.RESERVED) {
                ticket.status = TicketStatus.SOLD;
                ticket.paidCents = paidCents(ticket, quota);
                ticket.updatedAt = now;
                sold.add(ticket);
            }
        }
        claim.step = ClaimStep.COMPLETED;
        claim.updatedAt = now;
        sales.sold(quota, sold);
        confirm(quota, claim, sold, actor);
        record(quota, claim, actor, onBehalfOf, "CLAIM_COMPLETED", Map.of("tickets", sold.size(),
                "paidCents", claim.amountCents));
    }

    private void release(Quota quota, Claim claim, String because, String actor, String onBehalfOf) {
        Instant now = Instant.now();
        for (Ticket ticket : ticketsOf(claim)) {
            if (ticket.status == TicketStatus.RESERVED) {
                ticket.status = TicketStatus.ALLOCATED;
                ticket.claimId = null;
                ticket.attendeeName = null;
                ticket.attendeeEmail = null;
                ticket.updatedAt = now;
            }
        }
        claim.step = ClaimStep.RELEASED;
        claim.releasedBecause = because;
        claim.updatedAt = now;
        record(quota, claim, actor, onBehalfOf, "CLAIM_RELEASED", Map.of("because", because));
    }

    /** The claimant gets every ticket; each guest with an email of their own gets theirs. */
    private void confirm(Quota quota, Claim claim, List<Ticket> sold, String actor) {
        Map<String, List<Ticket>> byRecipient = new LinkedHashMap<>();
        byRecipient.put(claim.claimantEmail, sold);
        for (Ticket ticket : sold) {
            if (ticket.attendeeEmail != null && !ticket.attendeeEmail.equals(claim.claimantEmail)) {
                byRecipient.computeIfAbsent(ticket.attendeeEmail, e -> new ArrayList<>()).add(ticket);
            }
        }
        byRecipient.forEach((email, tickets) -> {
            String name = email.equals(claim.claimantEmail) ? quota.holderName : tickets.get(0).attendeeName;
            List<NotificationData.Ticket> cards = tickets.stream().map(t -> new NotificationData.Ticket(
                    t.id.toString(), quota.matchName, quota.kickoff, t.sector, t.rowLabel, t.seatLabel,
                    t.attendeeName)).toList();
            outbox.publish(new NotificationRequested(NotificationKind.CLAIM_CONFIRMATION.name(), email, name, "en",
                    quota.id.toString(), actor, Map.of(NotificationData.TICKETS, NotificationData.write(cards, json),
                            NotificationData.UNCLAIMED_TICKETS, Integer.toString(
                                    events.ticketCounts(quota.id).get(TicketStatus.ALLOCATED)))),
                    quota.id.toString(), email);
        });
    }

    private PaymentOrder order(Quota quota, Claim claim) {
        return new PaymentOrder(claim.id.toString(), claim.amountCents, currency,
                ticketsOf(claim).size() + " tickets, " + quota.matchName, claim.returnUrl);
    }

    private void record(Quota quota, Claim claim, Caller caller, String action, Map<String, Object> details) {
        record(quota, claim, caller.actor(), caller.onBehalfOf(), action, details);
    }

    private void record(Quota quota, Claim claim, String actor, String onBehalfOf, String action,
            Map<String, Object> details) {
        Map<String, Object> withClaim = new LinkedHashMap<>(details);
        withClaim.put("claim", claim.id.toString());
        events.changed(quota, action, actor);
        audit.record(quota.id, actor, onBehalfOf, action, withClaim);
        LOG.debugf("claim %s of quota %s: %s by %s", claim.id, quota.id, action, actor);
    }

    private static List<Ticket> ticketsOf(Claim claim) {
        return Ticket.list("claimId = ?1 order by sector, rowLabel, seatId", claim.id);
    }

    private static Claim claimOf(Quota quota, UUID claimId) {
        Claim claim = claimId == null ? null : Claim.findById(claimId);
        if (claim == null || !claim.quotaId.equals(quota.id)) {
            throw new NotFoundException("no claim " + claimId);
        }
        return claim;
    }

    private void requireOpen(Quota quota) {
        if (!HolderQuotas.isOpen(quota)) {
            throw InvalidInput.conflict(List.of(new Violation("quota", "the quota is "
                    + quota.state.name().toLowerCase(java.util.Locale.ROOT) + "; nothing can be claimed", null,
                    quota.state.name()))).withCurrent(quotas.detail(quota));
        }
    }

    private void requireLiveHold(Quota quota, Claim claim) {
        if (!Instant.now().isBefore(claim.holdExpiresAt)) {
            throw InvalidInput.conflict(List.of(new Violation("claim", "the hold on these tickets expired at "
                    + claim.holdExpiresAt + "; select them again", null, claim.holdExpiresAt.toString())))
                    .withCurrent(quotas.detail(quota));
        }
    }

    private void refuseIfAny(List<Violation> violations, Quota quota) {
        if (violations.isEmpty()) {
            return;
        }
        if (ClaimRules.isOutOfOrder(violations)) {
            throw InvalidInput.conflict(violations).withCurrent(quotas.detail(quota));
        }
        throw new InvalidInput(violations);
    }

    private ClaimView view(Quota quota, Claim claim, String paymentUrl) {
        return new ClaimView(claim.id, quota.id, claim.step, claim.holdExpiresAt, claim.amountCents, currency,
                claim.paymentId, paymentUrl, claim.releasedBecause, HolderQuotas.cards(quota, ticketsOf(claim)));
    }
}
