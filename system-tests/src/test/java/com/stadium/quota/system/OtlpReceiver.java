package com.stadium.quota.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OTLP/HTTP trace receiver (protobuf, POST /v1/traces) standing in for an OpenTelemetry collector: it keeps
 * the spans of the traces a test watches (service and span name) and drops the rest.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span: the service that sent it, its name and its trace id in hex. */
    record ReceivedSpan(String service, String name, String traceId) {
    }

    private final HttpServer server;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // "/v1/traces" by the OTLP spec; any path is taken, whichever the exporter appends
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receive(body.readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where the services send their traces (quarkus.otel.exporter.otlp.traces.endpoint). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void watch(String traceId) {
        watched.add(traceId);
    }

    List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest: 1 resource_spans { 1 resource { 1 attributes KeyValue }, 2 scope_spans { 2 spans } }
    private void receive(byte[] request) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(request);
        for (int tag; (tag = in.readTag()) != 0;) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                resourceSpans(in.readBytes().newCodedInput());
            } else {
                in.skipField(tag);
            }
        }
    }

    private void resourceSpans(CodedInputStream in) throws IOException {
        String service = "?";
        List<byte[]> scopes = new java.util.ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0;) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> service = serviceName(in.readBytes().newCodedInput(), service);
                case 2 -> scopes.add(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        for (byte[] scope : scopes) {
            CodedInputStream spansIn = CodedInputStream.newInstance(scope);
            for (int tag; (tag = spansIn.readTag()) != 0;) {
                if (WireFormat.getTagFieldNumber(tag) == 2) {
                    span(spansIn.readBytes().newCodedInput(), service);
                } else {
                    spansIn.skipField(tag);
                }
            }
        }
    }

    /** Resource attributes (KeyValue: 1 key, 2 AnyValue { 1 string_value }): the one named service.name. */
    private static String serviceName(CodedInputStream resource, String otherwise) throws IOException {
        String service = otherwise;
        for (int tag; (tag = resource.readTag()) != 0;) {
            if (WireFormat.getTagFieldNumber(tag) != 1) {
                resource.skipField(tag);
                continue;
            }
            Map<Integer, byte[]> attribute = fields(resource.readBytes().newCodedInput());
            if ("service.name".equals(string(attribute.get(1))) && attribute.get(2) != null) {
                service = string(fields(CodedInputStream.newInstance(attribute.get(2))).get(1));
            }
        }
        return service;
    }

    /** Span: 1 trace_id, 5 name. */
    private void span(CodedInputStream in, String service) throws IOException {
        Map<Integer, byte[]> span = fields(in);
        String traceId = HexFormat.of().formatHex(span.getOrDefault(1, new byte[0]));
        if (watched.contains(traceId)) {
            spans.add(new ReceivedSpan(service, string(span.get(5)), traceId));
        }
    }

    /** The length-delimited fields of a message by number (the last of each); other wire types are skipped. */
    private static Map<Integer, byte[]> fields(CodedInputStream in) throws IOException {
        Map<Integer, byte[]> fields = new java.util.HashMap<>();
        for (int tag; (tag = in.readTag()) != 0;) {
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                fields.put(WireFormat.getTagFieldNumber(tag), in.readByteArray());
            } else {
                in.skipField(tag);
            }
        }
        return fields;
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
