package com.stadium.quota.quotaservice.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.holder.HolderAccounts;
import com.stadium.quota.quotaservice.notice.Messenger;
import com.stadium.quota.quotaservice.notice.Notices;
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
    Messenger messenger;

    @Inject
    Audit audit;

    @Inject
    QuotaEvents events;

    @Inject
    HolderAccounts accounts;

    @Inject
    QuotaServiceConfig config;

    @Inject
    Clock clock;

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
        Instant now = clock.instant();
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
        Quota parent = quota.parentId == null ? null : Quota.findById(quota.parentId);
        messenger.send(Notices.invitation(quota, group, token.value(),
                events.ticketCounts(quota.id).get(TicketStatus.ALLOCATED), unclaimed, parent, personalMessage,
                config.club().timeZone()), actor);
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
