package com.stadium.quota.quotaservice.quota;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.stadium.quota.quotaservice.race.RaceProtection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Loads {@link Quota} aggregates with their tickets and saves what their transitions added. Changes load with
 * {@link #lock}: the quota's row stays locked until the transaction ends, so two changes to one quota take turns.
 */
@ApplicationScoped
public class Quotas {

    @Inject
    RaceProtection protection;

    /** The quota with its tickets, unlocked; null when there is none. */
    public Quota find(UUID id) {
        return withTickets(id == null ? null : Quota.findById(id));
    }

    /** The quota with its tickets, its row locked until the transaction ends; null when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Quota lock(UUID id) {
        // only the concurrency proof's control run reads without the lock (RaceProtection)
        LockModeType lock = protection.rowLock() ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
        return withTickets(id == null ? null : Quota.findById(id, lock));
    }

    /** Quotas by a query, each with its tickets, locked or not, in the order asked. */
    public List<Quota> list(String query, LockModeType lock, Object... params) {
        List<Quota> quotas = Quota.<Quota>find(query, params).withLock(lock).list();
        quotas.forEach(Quotas::withTickets);
        return quotas;
    }

    /** The claim when it is one of the quota's; null otherwise. */
    public Claim claimOf(Quota quota, UUID claimId) {
        Claim claim = claimId == null ? null : Claim.findById(claimId);
        return claim == null || !claim.quotaId.equals(quota.id) ? null : claim;
    }

    /** The quota a claim belongs to, read without loading the claim (so a later read after the lock is fresh). */
    public UUID quotaIdOf(UUID claimId) {
        return Quota.getEntityManager().createQuery("select c.quotaId from Claim c where c.id = :id", UUID.class)
                .setParameter("id", claimId).getSingleResult();
    }

    /** The ids of the quotas and of their subquotas, read without loading them. */
    public List<UUID> withSubquotas(Collection<UUID> quotaIds) {
        return Quota.getEntityManager().createQuery(
                "select q.id from Quota q where q.id in :ids or q.parentId in :ids", UUID.class)
                .setParameter("ids", quotaIds).getResultList();
    }

    /** The quota's claims that still hold tickets (steps 1 to 3). */
    public List<Claim> openClaims(Quota quota) {
        return Claim.list("quotaId = ?1 and step in ?2", quota.id,
                List.of(ClaimStep.SELECTED, ClaimStep.ATTENDEES_GIVEN, ClaimStep.PAYMENT_PENDING));
    }

    /** Open claims of any of the quotas, read without a lock (what to ask the payment provider about first). */
    public List<Claim> openClaims(Collection<UUID> quotaIds) {
        return Claim.list("quotaId in ?1 and step in ?2", quotaIds,
                List.of(ClaimStep.SELECTED, ClaimStep.ATTENDEES_GIVEN, ClaimStep.PAYMENT_PENDING));
    }

    /** Persists a new quota and whatever its transitions made (tickets, claims, subquotas); changes flush anyway. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Quota quota) {
        if (!quota.isPersistent()) {
            quota.persist();
        }
        for (PanacheEntityBase entity : quota.added) {
            entity.persist();
        }
        quota.added.clear();
    }

    private static Quota withTickets(Quota quota) {
        if (quota != null) {
            quota.tickets = new java.util.ArrayList<>(Ticket.<Ticket>list(
                    "quotaId = ?1 order by sector, rowLabel, seatId", quota.id));
        }
        return quota;
    }
}
