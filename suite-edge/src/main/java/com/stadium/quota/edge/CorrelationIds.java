package com.stadium.quota.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * Which id a request is known by: the caller's {@code X-Request-Id} when it is a sane one, else the trace id of its
 * W3C {@code traceparent} (so a reference leads to the trace), else a new one.
 */
public final class CorrelationIds {

    /** The header the id arrives in, is answered in and is passed on in. */
    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the log's MDC (and in JSON log lines). */
    public static final String MDC_KEY = "correlationId";

    // letters, digits and . _ - only: the id lands in logs and pages, so nothing else is taken from outside
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String NO_TRACE = "0".repeat(32);

    private CorrelationIds() {
    }

    /** The id for a request with these headers (either may be null). */
    public static String choose(String requestId, String traceparent) {
        if (requestId != null && SANE.matcher(requestId.trim()).matches()) {
            return requestId.trim();
        }
        if (traceparent != null) {
            var trace = TRACEPARENT.matcher(traceparent.trim());
            if (trace.matches() && !trace.group(1).equals(NO_TRACE)) {
                return trace.group(1);
            }
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The id of the request this thread serves, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
