package com.stadium.quota.portal.holder;

import java.time.Clock;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/** The masquerade hand-over with this deployment's key; every portal instance must be given the same secret. */
@ApplicationScoped
public class HandOverKey {

    private final MasqueradeHandOver handOver;

    HandOverKey(@ConfigProperty(name = "suite.portal.hand-over-secret") String secret, Clock clock) {
        this.handOver = new MasqueradeHandOver(secret, clock);
    }

    public MasqueradeHandOver get() {
        return handOver;
    }
}
