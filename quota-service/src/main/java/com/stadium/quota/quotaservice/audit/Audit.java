package com.stadium.quota.quotaservice.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes the audit log in the same transaction as the change it records. */
@ApplicationScoped
public class Audit {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** One line of a quota's audit trail. */
    public record Line(Instant at, String actor, String onBehalfOf, String action, Map<String, Object> details) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID quotaId, String actor, String action, Map<String, ?> details) {
        record(quotaId, actor, null, action, details);
    }

    /** A line naming both the admin who acted and the holder they masqueraded as (null when nobody). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID quotaId, String actor, String onBehalfOf, String action, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.onBehalfOf = onBehalfOf;
        entry.quotaId = quotaId;
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.details = json.valueToTree(details).toString();
        entry.persist();
    }

    /**
     * The same line as {@link #record(UUID, String, String, String, Map)}, as a row for the outbox to insert in the
     * statement of the event it goes with ({@link Outbox#publishWith}): one round trip for both.
     */
    public Outbox.Row line(UUID quotaId, String actor, String onBehalfOf, String action, Map<String, ?> details) {
        return new Outbox.Row("insert into audit_entry (quota_id, at, actor, on_behalf_of, action, details)"
                + " values (?, ?, ?, ?, ?, ?)", Arrays.asList(quotaId,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), actor, onBehalfOf, action,
                        json.valueToTree(details).toString()));
    }

    @SuppressWarnings("unchecked")
    public List<Line> trail(UUID quotaId) {
        return AuditEntry.<AuditEntry>list("quotaId = ?1 order by at, id", quotaId).stream()
                .map(e -> new Line(e.at, e.actor, e.onBehalfOf, e.action, readDetails(e.details))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readDetails(String details) {
        try {
            return json.readValue(details, Map.class);
        } catch (java.io.IOException e) {
            return Map.of("unreadable", details);
        }
    }
}
