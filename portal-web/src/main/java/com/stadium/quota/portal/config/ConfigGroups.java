package com.stadium.quota.portal.config;

import com.stadium.quota.portal.importing.ProgressStream;
import com.stadium.quota.portal.live.LiveConfig;
import com.stadium.quota.portal.web.Club;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The groups of {@link PortalConfig} that beans and pages inject on their own. */
@Singleton
public class ConfigGroups {

    @Produces
    @Singleton
    Club club(PortalConfig config) {
        return config.club();
    }

    @Produces
    @Singleton
    ProgressStream importProgress(PortalConfig config) {
        return config.portal().importProgress();
    }

    @Produces
    @Singleton
    LiveConfig live(PortalConfig config) {
        return config.portal().live();
    }
}
