package com.stadium.quota.messaging.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

class TraceContextTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSpanIsWrittenDownAsItsW3cHeaderAndReadBackAsTheParent() {
        SpanContext span = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(),
                TraceState.builder().put("club", "fc-example").build());
        TraceContext stored = TraceContext.of(Context.root().with(Span.wrap(span)));

        assertThat(stored.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(stored.tracestate()).isEqualTo("club=fc-example");
        SpanContext parent = Span.fromContext(stored.asParent()).getSpanContext();
        assertThat(parent.getTraceId()).isEqualTo(TRACE);
        assertThat(parent.getSpanId()).isEqualTo(SPAN);
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceState().get("club")).isEqualTo("fc-example");
    }

    @Test
    void withoutATraceNothingIsStoredAndNoHeaderIsSent() {
        TraceContext none = TraceContext.of(Context.root());
        assertThat(none.traceparent()).isNull();
        assertThat(Span.fromContext(none.asParent()).getSpanContext().isValid()).isFalse();

        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-stale".getBytes(StandardCharsets.UTF_8));
        none.writeTo(headers);
        assertThat(headers.lastHeader("traceparent")).as("a stale header is not passed on").isNull();
    }

    @Test
    void theHeadersCarryTheContextForTheConsumer() {
        RecordHeaders headers = new RecordHeaders();
        new TraceContext("00-" + TRACE + "-" + SPAN + "-01", "club=fc-example").writeTo(headers);
        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(new String(headers.lastHeader("tracestate").value(), StandardCharsets.UTF_8))
                .isEqualTo("club=fc-example");
    }
}
