package com.stadium.quota.quotaservice.quota;

import java.util.Collection;
import java.util.Map;

/** What quota-service knows of matches (allocation-service owns them); the allocation package answers. */
public interface Matches {

    /** The known matches among {@code ids}; unknown ids are simply absent. */
    Map<Long, MatchInfo> lookup(Collection<Long> ids);
}
