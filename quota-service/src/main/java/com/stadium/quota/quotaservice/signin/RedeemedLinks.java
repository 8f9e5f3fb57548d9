package com.stadium.quota.quotaservice.signin;

import com.stadium.quota.messaging.metrics.CommittedCounts;

import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counts deeplinks redeemed into a holder's session. */
@ApplicationScoped
public class RedeemedLinks {

    @Inject
    CommittedCounts counts;

    private Counter redeemed;

    @PostConstruct
    void declare() {
        redeemed = counts.counter("suite.invitations.redeemed", "Deeplinks redeemed into a holder's session");
    }

    void count() {
        counts.increment(redeemed);
    }
}
