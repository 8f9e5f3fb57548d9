package com.stadium.quota.portal.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How live updates reach open pages and the app. */
@ConfigMapping(prefix = "suite.portal.live")
public interface LiveConfig {

    /** How many recent events each instance keeps for streams that reconnect (older: the page refreshes all). */
    @WithDefault("1000")
    int memory();

    /** A stream ends after this long; the browser reconnects with Last-Event-ID and the session's fresh token. */
    @WithDefault("5m")
    Duration maxLength();

    /** How long a browser waits before it reconnects a stream that ended (the SSE "retry" field). */
    @WithDefault("1s")
    Duration reconnectDelay();
}
