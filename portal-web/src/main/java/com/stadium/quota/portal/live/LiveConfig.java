package com.stadium.quota.portal.live;

import java.time.Duration;

/** How live updates reach open pages and the app ({@code suite.portal.live.*}, a group of PortalConfig). */
public interface LiveConfig {

    /** How many recent events each instance keeps for streams that reconnect (older: the page refreshes all). */
    int memory();

    /** A stream ends after this long; the browser reconnects with Last-Event-ID and the session's fresh token. */
    Duration maxLength();

    /** How long a browser waits before it reconnects a stream that ended (the SSE "retry" field). */
    Duration reconnectDelay();
}
