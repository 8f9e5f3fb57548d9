package com.stadium.quota.portal.importing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the import's progress is pushed to the browser (server-sent events). */
@ConfigMapping(prefix = "suite.portal.import-progress")
public interface ProgressStream {

    /** How often the stream reads the import from quota-service while quotas wait for seats. */
    @WithDefault("1s")
    Duration interval();

    /** A stream ends after this long; the browser's EventSource connects again, with the session's fresh token. */
    @WithDefault("5m")
    Duration maxLength();
}
