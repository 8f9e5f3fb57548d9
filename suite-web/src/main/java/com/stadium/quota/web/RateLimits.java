package com.stadium.quota.web;

import java.time.Duration;
import java.util.Map;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Applies {@link RateLimited}: counts the call for its client address (the connection's, or the forwarded one where
 * Quarkus is told to trust a proxy) and refuses it with {@link TooManyRequests} over the bucket's limit.
 */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final RateLimiter LIMITER = new RateLimiter();

    /** The limits by bucket name ({@code suite.rate-limits.<bucket>.permits} and {@code .period}). */
    @ConfigMapping(prefix = "suite.rate-limits")
    public interface Config {

        @WithParentName
        Map<String, Bucket> buckets();

        interface Bucket {
            /** How many calls one client address may make per period. */
            int permits();

            /**
             * Other limits for single client addresses ({@code permits-for."10.0.0.7"=...}), e.g. a partner's gateway
             * or, in the test profile, one loopback address with a limit small enough for a test to reach.
             */
            Map<String, Integer> permitsFor();

            /** The period; an address's count starts afresh when it ends. */
            @WithDefault("1M")
            Duration period();
        }
    }

    /** A call over its bucket's limit: 429 with Retry-After ({@link Refusals}). */
    public static class TooManyRequests extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super("too many requests; retry after " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Inject
    Config config;

    @Inject
    RoutingContext http;

    @AroundInvoke
    Object limit(InvocationContext call) throws Exception {
        RateLimited limited = call.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = call.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        Config.Bucket bucket = limited == null ? null : config.buckets().get(limited.value());
        if (bucket == null) {
            LOG.warnf("no limit configured for bucket %s: not limited", limited == null ? "?" : limited.value());
            return call.proceed();
        }
        String address = http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().host();
        long waitNanos = LIMITER.take(limited.value() + " " + address,
                bucket.permitsFor().getOrDefault(address, bucket.permits()), bucket.period(), System.nanoTime());
        if (waitNanos > 0) {
            throw new TooManyRequests(retryAfterSeconds(waitNanos));
        }
        return call.proceed();
    }

    static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
