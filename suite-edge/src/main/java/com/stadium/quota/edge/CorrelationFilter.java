package com.stadium.quota.edge;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives every request its correlation id before anything else runs (also static files, health, Swagger UI): in the
 * MDC (Quarkus keeps it with the request's Vert.x context, also on worker threads), in the request's own
 * {@code X-Request-Id} header for the code behind, and on the answer.
 */
@ApplicationScoped
public class CorrelationFilter {

    // before security and every other filter, so their log lines carry the id too
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            var request = context.request();
            String id = CorrelationIds.choose(request.getHeader(CorrelationIds.HEADER), request.getHeader("traceparent"));
            request.headers().set(CorrelationIds.HEADER, id);
            context.response().headers().set(CorrelationIds.HEADER, id);
            MDC.put(CorrelationIds.MDC_KEY, id);
            context.next();
        }, PRIORITY);
    }
}
