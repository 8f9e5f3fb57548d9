package com.stadium.quota.portal.importing;

import java.time.Duration;

/** How the import's progress is pushed to the browser, server-sent events ({@code suite.portal.import-progress.*}). */
public interface ProgressStream {

    /** How often the stream reads the import from quota-service while quotas wait for seats. */
    Duration interval();

    /** A stream ends after this long; the browser's EventSource connects again, with the session's fresh token. */
    Duration maxLength();
}
