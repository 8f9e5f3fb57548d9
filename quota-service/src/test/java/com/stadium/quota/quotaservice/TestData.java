package com.stadium.quota.quotaservice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.stadium.quota.quotaservice.cancellation.Refund;
import com.stadium.quota.quotaservice.claim.Claim;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Puts tickets into states that later issues reach through the holder's claim (RESERVED, SOLD) and makes
 * subquotas, so cancellation can be tested on every status before those flows exist.
 */
@ApplicationScoped
public class TestData {

    @Transactional
    public List<Ticket> tickets(UUID quotaId) {
        return Ticket.list("quotaId = ?1 order by seatId", quotaId);
    }

    @Transactional
    public void setStatus(UUID ticketId, TicketStatus status, Integer paidCents) {
        Ticket ticket = Ticket.findById(ticketId);
        ticket.status = status;
        ticket.paidCents = paidCents;
        ticket.updatedAt = Instant.now();
    }

    /** A subquota of {@code parentId} for the sub-recipient, holding the given tickets. */
    @Transactional
    public UUID subquota(UUID parentId, String email, List<UUID> ticketIds) {
        Quota parent = Quota.findById(parentId);
        Quota sub = new Quota();
        sub.id = UUID.randomUUID();
        sub.parentId = parentId;
        sub.matchId = parent.matchId;
        sub.matchName = parent.matchName;
        sub.kickoff = parent.kickoff;
        sub.holderEmail = email;
        sub.holderName = "Sub Recipient";
        sub.sectors = parent.sectors;
        sub.quantity = ticketIds.size();
        sub.discountPercent = parent.discountPercent;
        sub.algorithm = parent.algorithm;
        sub.transferable = parent.transferable;
        sub.state = QuotaState.ALLOCATED;
        sub.createdAt = Instant.now();
        sub.createdBy = parent.holderEmail;
        sub.persist();
        for (UUID ticketId : ticketIds) {
            Ticket ticket = Ticket.findById(ticketId);
            ticket.quotaId = sub.id;
        }
        return sub.id;
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

    @Transactional
    public List<Refund> refunds(UUID quotaId) {
        return Refund.list("quotaId", quotaId);
    }
}
