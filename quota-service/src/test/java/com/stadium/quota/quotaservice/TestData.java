package com.stadium.quota.quotaservice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.stadium.quota.quotaservice.payment.Refund;
import com.stadium.quota.quotaservice.quota.Claim;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;
import com.stadium.quota.quotaservice.quota.Quotas;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Puts tickets straight into a status in the database (RESERVED or SOLD without a claim, as a hand-made fixture) and
 * makes subquotas through the quota's own transition, so cancellation and tracking can be tested on every status.
 */
@ApplicationScoped
public class TestData {

    @Inject
    Quotas quotas;

    @Transactional
    public List<Ticket> tickets(UUID quotaId) {
        return Ticket.list("quotaId = ?1 order by seatId", quotaId);
    }

    @Transactional
    public void setStatus(UUID ticketId, TicketStatus status, Integer paidCents) {
        Ticket.getEntityManager().createNativeQuery(
                "update ticket set status = :status, paid_cents = :paid, updated_at = now() where id = :id")
                .setParameter("status", status.name()).setParameter("paid", paidCents).setParameter("id", ticketId)
                .executeUpdate();
    }

    /** A subquota of {@code parentId} (a quota with <em>delegate</em>) for the sub-recipient, holding the tickets. */
    @Transactional
    public UUID subquota(UUID parentId, String email, List<UUID> ticketIds) {
        Quota parent = quotas.lock(parentId);
        QuotaEvent.TicketsPassedOn passed = (QuotaEvent.TicketsPassedOn) parent.passOn(new Quota.PassOn(email,
                "Sub Recipient", null, ticketIds, null), parent.holderEmail, Instant.now()).get(0);
        quotas.save(parent);
        return passed.subquotaId();
    }

    /** Makes a claim's hold lapse now, as if its 15 minutes had passed. */
    @Transactional
    public void lapseHold(UUID claimId) {
        Claim claim = Claim.findById(claimId);
        claim.holdExpiresAt = Instant.now().minusSeconds(1);
    }

    /** Makes a pending payment's deadline pass now. */
    @Transactional
    public void lapsePayment(UUID claimId) {
        Claim claim = Claim.findById(claimId);
        claim.paymentDeadline = Instant.now().minusSeconds(1);
    }

    @Transactional
    public Claim claim(UUID claimId) {
        return Claim.findById(claimId);
    }

    /** How many messages the outbox holds that mention the text (an email, a quota id): events and mails alike. */
    @Transactional
    public long outboxMentioning(String text) {
        return ((Number) Quota.getEntityManager().createNativeQuery(
                "select count(*) from outbox_message where envelope like :text")
                .setParameter("text", "%" + text + "%").getSingleResult()).longValue();
    }

    /** The outbox's messages (events and mails) that mention the text, oldest first, as stored. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> outbox(String text) {
        return Quota.getEntityManager().createNativeQuery(
                "select envelope from outbox_message where envelope like :text order by id")
                .setParameter("text", "%" + text + "%").getResultList();
    }

    /** Moves a quota's kick-off (as if its match were that close). */
    @Transactional
    public void setKickoff(UUID quotaId, Instant kickoff) {
        Quota.getEntityManager().createNativeQuery("update quota set kickoff = :kickoff where id = :id")
                .setParameter("kickoff", kickoff).setParameter("id", quotaId).executeUpdate();
    }

    @Transactional
    public List<Refund> refunds(UUID quotaId) {
        return Refund.list("quotaId", quotaId);
    }
}
