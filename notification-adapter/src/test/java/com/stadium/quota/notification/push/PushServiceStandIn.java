package com.stadium.quota.notification.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service on this machine, for tests without the internet: takes pushes at {@code /push/<id>}, answers each
 * with the next status the test asked for there (201 when none is left), and keeps what arrived.
 */
final class PushServiceStandIn implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String method, String authorization, String contentEncoding, String ttl, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new HashMap<>();
    private final Map<String, Deque<Integer>> answers = new HashMap<>();

    PushServiceStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    /** What a browser's subscription names as its endpoint. */
    String endpoint(String id) {
        return origin() + "/push/" + id;
    }

    /** The audience a VAPID token for this service must name. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The statuses to answer, in order, to the next pushes to this endpoint. */
    synchronized void answer(String id, Integer... statuses) {
        answers.computeIfAbsent(id, k -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    synchronized List<Received> received(String id) {
        return List.copyOf(received.getOrDefault(id, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/push/".length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status;
        synchronized (this) {
            received.computeIfAbsent(id, k -> new ArrayList<>()).add(new Received(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Encoding"),
                    exchange.getRequestHeaders().getFirst("TTL"), body));
            Integer next = answers.getOrDefault(id, new ArrayDeque<>()).poll();
            status = next == null ? 201 : next;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
