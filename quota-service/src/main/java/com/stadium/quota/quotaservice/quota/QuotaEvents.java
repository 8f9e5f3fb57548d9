package com.stadium.quota.quotaservice.quota;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Announces a quota's change on quota-events, in the transaction that made it. */
@ApplicationScoped
public class QuotaEvents {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Quota quota, QuotaChanged.Change change, String actor) {
        entityManager.flush();
        publish(quota, change, actor, ticketCounts(quota.id));
    }

    /**
     * The same for a quota loaded with all its tickets under its row lock (a claim's steps; the aggregate keeps
     * tickets moved between quotas in step): the counts come from it, without a flush and a query under the lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedAsLoaded(Quota quota, QuotaChanged.Change change, String actor, Outbox.Row auditLine) {
        Map<TicketStatus, Integer> counts = zeroCounts();
        quota.tickets().forEach(ticket -> counts.merge(ticket.status, 1, Integer::sum));
        outbox.publishWith(event(quota, change, actor, counts), quota.id.toString(), auditLine);
    }

    private void publish(Quota quota, QuotaChanged.Change change, String actor, Map<TicketStatus, Integer> byStatus) {
        outbox.publish(event(quota, change, actor, byStatus), quota.id.toString());
    }

    private static QuotaChanged event(Quota quota, QuotaChanged.Change change, String actor,
            Map<TicketStatus, Integer> byStatus) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byStatus.forEach((status, count) -> counts.put(status.name(), count));
        QuotaChanged.State state = QuotaChanged.State.valueOf(quota.state.name());
        return new QuotaChanged(quota.id, quota.groupId, quota.parentId, change, state, quota.matchId,
                quota.holderEmail, quota.quantity, quota.unfulfilled, counts, quota.expiresOn, actor);
    }

    /** Tickets of the quota per status, every status present (0 when none). */
    public Map<TicketStatus, Integer> ticketCounts(UUID quotaId) {
        Map<TicketStatus, Integer> counts = zeroCounts();
        List<Object[]> rows = entityManager.createQuery(
                "select t.status, count(t) from Ticket t where t.quotaId = :quota group by t.status", Object[].class)
                .setParameter("quota", quotaId).getResultList();
        for (Object[] row : rows) {
            counts.put((TicketStatus) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    private static Map<TicketStatus, Integer> zeroCounts() {
        Map<TicketStatus, Integer> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            counts.put(status, 0);
        }
        return counts;
    }
}
