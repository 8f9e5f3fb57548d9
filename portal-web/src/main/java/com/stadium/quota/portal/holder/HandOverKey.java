package com.stadium.quota.portal.holder;

import java.time.Clock;

import com.stadium.quota.portal.config.PortalConfig;

import jakarta.enterprise.context.ApplicationScoped;

/** The masquerade hand-over with this deployment's key; every portal instance must be given the same secret. */
@ApplicationScoped
public class HandOverKey {

    private final MasqueradeHandOver handOver;

    HandOverKey(PortalConfig config, Clock clock) {
        this.handOver = new MasqueradeHandOver(config.portal().handOverSecret(), clock);
    }

    public MasqueradeHandOver get() {
        return handOver;
    }
}
