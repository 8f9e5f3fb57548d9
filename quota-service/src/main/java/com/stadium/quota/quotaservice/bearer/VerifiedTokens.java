package com.stadium.quota.quotaservice.bearer;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * What the full check of a bearer token concluded, kept so that the same token's next request skips the check. The
 * rules: only a token that passed is given to {@link #remember}; it is found again only by itself, character for
 * character (a changed signature or payload is another key); never at or after its own expiry, nor longer than
 * {@code maxAge} after it passed; at most {@code maxSize} tokens are kept (the least used leave first).
 *
 * @param <I> what the check concluded (the service keeps the caller's security identity)
 */
public final class VerifiedTokens<I> {

    private record Entry<I>(I identity, Instant until, long ttlNanos) {
    }

    private final Cache<String, Entry<I>> entries;

    private final Duration maxAge;

    public VerifiedTokens(int maxSize, Duration maxAge) {
        if (maxSize < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxSize and maxAge must not be negative");
        }
        this.maxAge = maxAge;
        // the entry's own lifetime frees its memory; find() still checks the time it is given
        this.entries = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run)
                .expireAfter(new Expiry<String, Entry<I>>() {
                    @Override
                    public long expireAfterCreate(String token, Entry<I> entry, long currentTime) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String token, Entry<I> entry, long currentTime, long current) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String token, Entry<I> entry, long currentTime, long current) {
                        return current;
                    }
                }).build();
    }

    /**
     * Keeps what a token's check concluded until the earlier of its expiry and {@code maxAge} from {@code now}.
     *
     * @return whether it was kept (not without a token, an identity or an expiry, nor when either is already past)
     */
    public boolean remember(String token, I identity, Instant expiresAt, Instant now) {
        if (token == null || token.isEmpty() || identity == null || expiresAt == null) {
            return false;
        }
        Instant byAge = now.plus(maxAge);
        Instant until = expiresAt.isBefore(byAge) ? expiresAt : byAge;
        if (!until.isAfter(now)) {
            return false;
        }
        entries.put(token, new Entry<>(identity, until, Duration.between(now, until).toNanos()));
        return true;
    }

    /** What the token's check concluded, or null when it is not kept or its time is up at {@code now}. */
    public I find(String token, Instant now) {
        if (token == null) {
            return null;
        }
        Entry<I> entry = entries.getIfPresent(token);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.invalidate(token);
            return null;
        }
        return entry.identity();
    }

    /** How many tokens are kept now. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
