package com.stadium.quota.quotaservice.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

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
