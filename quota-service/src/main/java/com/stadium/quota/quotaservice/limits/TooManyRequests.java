package com.stadium.quota.quotaservice.limits;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.stadium.quota.web.Refusals;
import com.stadium.quota.web.Violation;

import io.quarkiverse.bucket4j.runtime.RateLimitException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A client over its limit: 429, Retry-After in whole seconds (never 0), and a problem body saying when. */
public class TooManyRequests {

    /** The bucket names of application.properties' quarkus.rate-limiter.buckets.*. */
    public static final String REDEEM = "redeem";
    public static final String PAYMENT_CALLBACK = "payment-callback";
    public static final String IMPORT_UPLOAD = "import-upload";

    // before the extension's own mapper, which answers without a body and may say "Retry-After: 0"
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response overLimit(RateLimitException e) {
        long seconds = retryAfterSeconds(e.getWaitTimeInMilliSeconds());
        Refusals.refused(429, "over the rate limit for this client address; retry after " + seconds + " s");
        return Response.status(429).header("Retry-After", seconds).type(MediaType.APPLICATION_JSON)
                .entity(new Refusals.Problem("Too many requests", 429, List.of(Violation.of("request",
                        "too many from this address; try again in " + seconds + " s")))).build();
    }

    static long retryAfterSeconds(long waitMillis) {
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}
