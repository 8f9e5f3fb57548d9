package com.stadium.quota.quotaservice.race;

import java.util.List;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.web.InvalidInput;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Which of the three layers that settle concurrent changes to one quota are on: the quota's turn in this instance
 * ({@code claim.QuotaTurns}), the quota's row lock ({@code quota.Quotas#lock}) and the version check of every row
 * update ({@link VersionCheckSwitch}). All are on, always, unless {@code suite.race.protection-switch} is true, which
 * only the dev and test profiles allow: the start fails otherwise.
 */
@ApplicationScoped
public class RaceProtection {

    /** The layers, each on (true) or off. */
    public record Layers(Boolean turns, Boolean rowLock, Boolean versionCheck) {

        public static final Layers ALL_ON = new Layers(true, true, true);
    }

    @Inject
    QuotaServiceConfig config;

    private volatile Layers layers = Layers.ALL_ON;

    void refuseOutsideDevAndTest(@Observes StartupEvent start) {
        requireAllowed(config.race().protectionSwitch(), ConfigUtils.getProfiles());
    }

    /** Fails when the switch is allowed in a profile that is neither dev nor test (production, or any other). */
    static void requireAllowed(boolean protectionSwitch, List<String> profiles) {
        if (protectionSwitch && !profiles.contains("dev") && !profiles.contains("test")) {
            throw new IllegalStateException("suite.race.protection-switch=true is for tests and benchmarks only: it "
                    + "lets an admin turn off what keeps two requests from taking one ticket; it is refused in the "
                    + "profiles " + profiles + " (allowed: dev, test)");
        }
    }

    public boolean turns() {
        return layers.turns();
    }

    public boolean rowLock() {
        return layers.rowLock();
    }

    public boolean versionCheck() {
        return layers.versionCheck();
    }

    public Layers layers() {
        return layers;
    }

    /** Whether {@link #set} may be called here. */
    public boolean switchable() {
        return config.race().protectionSwitch();
    }

    /** Turns layers on or off; 404 where the switch is not allowed, as if there were none. */
    public Layers set(Layers wanted) {
        if (!switchable()) {
            throw InvalidInput.notFound("race-protection", "can be switched only where suite.race.protection-switch "
                    + "is true (dev and test)");
        }
        if (wanted == null) {
            throw InvalidInput.of("body", "turns, rowLock and versionCheck are required (true or false)");
        }
        requireValue("turns", wanted.turns());
        requireValue("rowLock", wanted.rowLock());
        requireValue("versionCheck", wanted.versionCheck());
        layers = wanted;
        return layers;
    }

    private static void requireValue(String field, Boolean value) {
        if (value == null) {
            throw InvalidInput.of(field, "is required (true or false)");
        }
    }
}
