package com.stadium.quota.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts calls per key (bucket and client address) in fixed windows: {@code permits} calls per {@code period} from
 * the key's first call; the next one waits until that window ends. Keys of ended windows are dropped when the map
 * grows, so a flood of addresses cannot grow it without end.
 */
public final class RateLimiter {

    private record Window(long start, int calls) {
    }

    static final int MAX_KEYS = 100_000;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** 0 when the call may go ahead (and is counted), else the nanoseconds until the key's window ends. */
    public long take(String key, int permits, Duration period, long nowNanos) {
        long length = period.toNanos();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> nowNanos - w.start() >= length);
        }
        Window window = windows.compute(key, (k, old) -> old == null || nowNanos - old.start() >= length
                ? new Window(nowNanos, 1) : new Window(old.start(), old.calls() + 1));
        return window.calls() <= permits ? 0 : window.start() + length - nowNanos;
    }

    int keys() {
        return windows.size();
    }
}
