package com.stadium.quota.allocation.request;

import java.util.TreeSet;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.stadium.quota.allocation.inventory.MatchOwnership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Readiness to answer allocation requests at once: DOWN from the start until this instance's consumers have joined
 * their groups (each held its assignment, so the start's rebalances are over and this instance's partitions of
 * {@code allocation-requests} are known) and the warm-up is over ({@link WarmUp}). A gate of the start: later
 * rebalances leave it UP (they are part of running; an instance beyond the partition count is ready with none).
 */
@Readiness
@ApplicationScoped
public class AnswerReadiness implements HealthCheck {

    static final String NAME = "allocation-requests";

    @Inject
    MatchOwnership ownership;

    @Inject
    WarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        WarmUp.Done done = warmUp.done();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(ownership.hasJoined() && done != null)
                .withData("joined", ownership.hasJoined())
                .withData("partitions", new TreeSet<>(ownership.owned()).toString());
        if (done != null) {
            response.withData("warmUpRequests", done.requests()).withData("warmUpMillis", done.rehearsalMillis())
                    .withData("viewsRead", done.views());
        }
        return response.build();
    }
}
