package com.stadium.quota.quotaservice.claim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Gives back tickets whose hold lapsed and payments that never answered; runs on every instance, safely. */
@ApplicationScoped
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class);
    private static final int BATCH = 100;

    @Inject
    Claims claims;

    @Scheduled(every = "${suite.claim.expiry-check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        releaseLapsed(Instant.now());
    }

    /** Releases what lapsed by {@code now}; returns how many claims it looked at. */
    public int releaseLapsed(Instant now) {
        List<UUID> due = claims.due(now, BATCH);
        for (UUID claim : due) {
            try {
                claims.expire(claim, now);
            } catch (RuntimeException e) {
                LOG.warnf("claim %s could not be released yet: %s", claim, e.getMessage());
            }
        }
        return due.size();
    }
}
