package com.stadium.quota.messaging.trace;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/** A trace context written down as its two W3C header values; both null when no trace was going on. */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final TraceContext NONE = new TraceContext(null, null);

    /** The context of the span that is current on this thread (none when tracing is off). */
    public static TraceContext current() {
        return of(Context.current());
    }

    public static TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        String parent = carrier.get(TRACEPARENT);
        return parent == null ? NONE : new TraceContext(parent, carrier.get(TRACESTATE));
    }

    /** The stored context as a parent for new spans; the root context when nothing was stored. */
    public Context asParent() {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), this, GETTER);
    }

    /** The context a Kafka record's headers carry (none when they carry none). */
    public static TraceContext readFrom(Headers headers) {
        String parent = text(headers, TRACEPARENT);
        return parent == null ? NONE : new TraceContext(parent, text(headers, TRACESTATE));
    }

    private static String text(Headers headers, String name) {
        var header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Replaces the record's trace headers with this context's. */
    public void writeTo(Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        if (traceparent != null) {
            headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            if (tracestate != null && !tracestate.isEmpty()) {
                headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            return carrier == null ? null : TRACEPARENT.equals(key) ? carrier.traceparent : carrier.tracestate;
        }
    };
}
