package com.stadium.quota.quotaservice.invitation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.NotificationRequested;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.holder.HolderAccounts;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvents;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issues, re-sends and revokes deeplinks. A new token revokes the one before it: a re-sent mail is the only
 * link that works, so an admin can shut out a forwarded mail by re-sending.
 */
@ApplicationScoped
public class Invitations {

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    QuotaEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    HolderAccounts accounts;

    @ConfigProperty(name = "suite.club.time-zone", defaultValue = "Europe/Berlin")
    ZoneId clubZone;

    /**
     * Issues a new deeplink for the quota (and its group) and asks notification-adapter to mail it. The
     * returned token is nowhere stored in clear.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DeeplinkToken invite(Quota quota, List<Quota> group, String actor) {
        return invite(quota, group, actor, null);
    }

    /** For a subquota the mail says who passed the tickets on, with their own words if they wrote any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DeeplinkToken invite(Quota quota, List<Quota> group, String actor, String personalMessage) {
        Instant now = Instant.now();
        revoke(quota.id, actor, now);
        DeeplinkToken token = DeeplinkToken.generate();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.quotaId = quota.id;
        invitation.groupId = quota.groupId;
        invitation.email = quota.holderEmail;
        invitation.tokenHash = token.hash();
        invitation.createdAt = now;
        invitation.persist();
        accounts.request(quota.holderEmail, quota.holderName);

        int unclaimed = group.stream().mapToInt(q -> events.ticketCounts(q.id).get(TicketStatus.ALLOCATED)).sum();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(NotificationData.DEEPLINK_TOKEN, token.value());
        data.put(NotificationData.MATCHES, NotificationData.write(group.stream()
                .map(q -> new NotificationData.Match(q.matchName, q.kickoff)).toList(), json));
        data.put(NotificationData.TICKET_COUNT,
                Integer.toString(events.ticketCounts(quota.id).get(TicketStatus.ALLOCATED)));
        if (quota.expiresOn != null) {
            data.put(NotificationData.EXPIRES_AT,
                    quota.expiresOn.atTime(LocalTime.MAX).atZone(clubZone).toInstant().toString());
        }
        data.put(NotificationData.UNCLAIMED_TICKETS, Integer.toString(unclaimed));
        NotificationKind kind = NotificationKind.QUOTA_INVITATION;
        if (quota.parentId != null) {
            kind = NotificationKind.SUBQUOTA_INVITATION;
            Quota parent = Quota.findById(quota.parentId);
            data.put(NotificationData.SENDER_NAME, parent.holderName);
            if (personalMessage != null && !personalMessage.isBlank()) {
                data.put(NotificationData.PERSONAL_MESSAGE, personalMessage.strip());
            }
        }
        outbox.publish(new NotificationRequested(kind.name(), quota.holderEmail, quota.holderName, "en",
                quota.id.toString(), actor, data), quota.id.toString(), quota.holderEmail);
        audit.record(quota.id, actor, "INVITED", Map.of("email", quota.holderEmail));
        return token;
    }

    /** Revokes the quota's current deeplink; true when there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(UUID quotaId, String actor, Instant now) {
        int revoked = Invitation.update("revokedAt = ?1, revokedBy = ?2 where quotaId = ?3 and revokedAt is null",
                now, actor, quotaId);
        return revoked > 0;
    }

    /** The live invitation a presented token opens, if any. */
    public java.util.Optional<Invitation> open(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return java.util.Optional.empty();
        }
        return Invitation.<Invitation>find("tokenHash = ?1 and revokedAt is null", DeeplinkToken.hashOf(token))
                .firstResultOptional();
    }
}
