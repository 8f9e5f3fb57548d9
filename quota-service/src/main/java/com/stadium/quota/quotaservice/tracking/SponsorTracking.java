package com.stadium.quota.quotaservice.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stadium.quota.quotaservice.quota.QuotaState;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Per quota of a match, subquotas included: the holder, how the invitation went (issued, revoked, re-sent, the link
 * used) and the tickets claimed, paid and passed on. One SQL query for the whole match, however many quotas.
 */
@ApplicationScoped
public class SponsorTracking {

    /**
     * The invitation of a quota; a quota of a group shares its group's invitation.
     *
     * @param issuedAt when the first link was sent, null when none was yet (seats not held yet, or a subquota
     *        before its recipient was invited)
     * @param revoked the latest link no longer works and no newer one was sent
     * @param resent how many times a new link replaced the previous one
     * @param redeemedAt the first time the link was used (the REDEEMED entry of the audit trail), null if never
     * @param messageQuotaId the quota the latest invitation was mailed for (a group's invitation names one of its
     *        quotas): notification-adapter's deliveries are asked for by this id
     */
    public record InvitationState(Instant issuedAt, Instant lastSentAt, boolean revoked, int resent,
            Instant redeemedAt, UUID messageQuotaId) {
    }

    /**
     * @param claimed tickets RESERVED or SOLD
     * @param paid tickets SOLD with a price (not free tickets of a 100 % discount)
     * @param passedOn tickets in this quota's subquotas (not cancelled)
     */
    public record TicketCounts(int allocated, int claimed, int paid, int passedOn) {
    }

    public record TrackedQuota(UUID quotaId, UUID parentId, UUID groupId, String holderName, String holderEmail,
            QuotaState state, int quantity, InvitationState invitation, TicketCounts tickets) {

        /**
         * Invited but never opened, the follow-up list: a live link was sent and never used, and the quota still
         * stands. A revoked link without a newer one is no invitation to follow up.
         */
        @JsonProperty("neverOpened")
        public boolean neverOpened() {
            return invitation.issuedAt() != null && !invitation.revoked() && invitation.redeemedAt() == null
                    && state != QuotaState.CANCELLED;
        }
    }

    // one row per quota; lateral subqueries are set-based, so the database does the joins, not a loop of queries
    private static final String QUERY = """
            select q.id, q.parent_id, q.group_id, q.holder_name, q.holder_email, q.state, q.quantity,
                   inv.issued, inv.first_at, inv.last_at, inv.open_links, red.redeemed_at,
                   t.allocated, t.claimed, t.paid, p.passed_on, inv.message_quota
            from quota q
            left join lateral (
                select count(*) as issued, min(i.created_at) as first_at, max(i.created_at) as last_at,
                       count(*) filter (where i.revoked_at is null) as open_links,
                       (array_agg(i.quota_id order by i.created_at desc, i.id))[1] as message_quota
                from invitation i
                where i.quota_id = q.id or (q.group_id is not null and i.group_id = q.group_id)) inv on true
            left join lateral (
                select min(a.at) as redeemed_at from audit_entry a
                where a.action = 'REDEEMED' and (a.quota_id = q.id or (q.group_id is not null and a.quota_id in (
                    select g.id from quota g where g.group_id = q.group_id)))) red on true
            left join lateral (
                select count(*) filter (where tk.status = 'ALLOCATED') as allocated,
                       count(*) filter (where tk.status in ('RESERVED', 'SOLD')) as claimed,
                       count(*) filter (where tk.status = 'SOLD' and tk.paid_cents > 0) as paid
                from ticket tk where tk.quota_id = q.id) t on true
            left join lateral (
                select count(*) as passed_on from ticket st join quota s on s.id = st.quota_id
                where s.parent_id = q.id and st.status <> 'CANCELLED') p on true
            where q.match_id = :match
            order by coalesce(q.parent_id, q.id), q.parent_id nulls first, q.created_at, q.id""";

    @Inject
    EntityManager entityManager;

    public List<TrackedQuota> ofMatch(long matchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(QUERY).setParameter("match", matchId)
                .getResultList();
        return rows.stream().map(SponsorTracking::tracked).toList();
    }

    private static TrackedQuota tracked(Object[] r) {
        int issued = number(r[7]);
        InvitationState invitation = new InvitationState(instant(r[8]), instant(r[9]),
                issued > 0 && number(r[10]) == 0, Math.max(0, issued - 1), instant(r[11]), (UUID) r[16]);
        return new TrackedQuota((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                QuotaState.valueOf((String) r[5]), number(r[6]), invitation,
                new TicketCounts(number(r[12]), number(r[13]), number(r[14]), number(r[15])));
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
