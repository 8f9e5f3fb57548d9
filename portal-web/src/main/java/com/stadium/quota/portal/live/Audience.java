package com.stadium.quota.portal.live;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Who one open stream is for, and so which quota events it may receive. */
public interface Audience {

    /** Whether the stream gets the event, and whether its quota is new to it. */
    enum Verdict {
        NONE, KNOWN, ADDED
    }

    Verdict judge(QuotaEvent event);

    /**
     * A holder: the quotas the holder API listed for them when the stream opened (their own, the ones sent to them
     * and their subquotas), plus quotas made later for their email or under one of those. Never another's.
     */
    static Audience holder(String email, Set<UUID> visible) {
        Set<UUID> known = ConcurrentHashMap.newKeySet();
        known.addAll(visible);
        return event -> {
            if (known.contains(event.quotaId())) {
                return Verdict.KNOWN;
            }
            boolean theirs = email != null && email.equalsIgnoreCase(event.holderEmail());
            if (theirs || (event.parentId() != null && known.contains(event.parentId()))) {
                known.add(event.quotaId());
                return Verdict.ADDED;
            }
            return Verdict.NONE;
        };
    }

    /** An admin on one quota's page: that quota and its subquotas. */
    static Audience quota(UUID quotaId) {
        return event -> quotaId.equals(event.quotaId()) || quotaId.equals(event.parentId()) ? Verdict.KNOWN
                : Verdict.NONE;
    }
}
