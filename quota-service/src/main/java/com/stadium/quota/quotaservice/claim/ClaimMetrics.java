package com.stadium.quota.quotaservice.claim;

import com.stadium.quota.messaging.metrics.CommittedCounts;

import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Claims started, completed (tickets sold) and released (with the reason), counted when they commit. */
@ApplicationScoped
public class ClaimMetrics {

    @Inject
    CommittedCounts counts;

    private Counter started;
    private Counter completed;

    @PostConstruct
    void declare() {
        started = counts.counter("suite.claims.started", "Claims started: tickets selected and held");
        completed = counts.counter("suite.claims.completed", "Claims completed: tickets sold");
    }

    void started() {
        counts.increment(started);
    }

    void completed() {
        counts.increment(completed);
    }

    /** @param because why the hold ended: ABANDONED, HOLD_EXPIRED, PAYMENT_FAILED, CANCELLED, ... */
    void released(String because) {
        counts.increment(counts.counter("suite.claims.released", "Claims released: held tickets given back",
                "because", because));
    }
}
