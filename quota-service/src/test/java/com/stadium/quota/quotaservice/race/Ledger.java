package com.stadium.quota.quotaservice.race;

import java.util.List;
import java.util.UUID;

import com.stadium.quota.quotaservice.quota.Quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What the tables say about a quota after a race, counted in SQL: the claims and subquotas made, and their tickets. */
@ApplicationScoped
public class Ledger {

    /**
     * @param made claims and subquotas the race made (rows of claim and of quota with this parent)
     * @param empty made ones that hold no ticket: a winner whose ticket another winner overwrote
     * @param overfull made ones that hold more than the one ticket asked for
     * @param tickets the tickets of the quota and its subquotas together (the quota's quantity, whatever happened)
     * @param taken tickets that are in a claim or a subquota
     */
    public record Count(int made, int empty, int overfull, int tickets, int taken) {

        /** Winners the database shows more than tickets it gave away: each one a ticket promised twice. */
        public int doubles() {
            return made - taken;
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Count of(UUID quota) {
        List<Object[]> held = Quota.getEntityManager().createNativeQuery("""
                select c.id, (select count(*) from ticket t where t.claim_id = c.id) from claim c where c.quota_id = :q
                union all
                select s.id, (select count(*) from ticket t where t.quota_id = s.id) from quota s where s.parent_id = :q
                """).setParameter("q", quota).getResultList();
        int empty = 0;
        int overfull = 0;
        for (Object[] row : held) {
            long tickets = ((Number) row[1]).longValue();
            empty += tickets == 0 ? 1 : 0;
            overfull += tickets > 1 ? 1 : 0;
        }
        int tickets = ((Number) Quota.getEntityManager().createNativeQuery("""
                select count(*) from ticket where quota_id = :q or quota_id in (select id from quota where parent_id = :q)
                """).setParameter("q", quota).getSingleResult()).intValue();
        int taken = ((Number) Quota.getEntityManager().createNativeQuery("""
                select count(*) from ticket where (quota_id = :q and claim_id is not null)
                  or quota_id in (select id from quota where parent_id = :q)
                """).setParameter("q", quota).getSingleResult()).intValue();
        return new Count(held.size(), empty, overfull, tickets, taken);
    }
}
