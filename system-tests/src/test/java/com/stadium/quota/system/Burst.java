package com.stadium.quota.system;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Many HTTP requests at once, as clients would send them during a drill, and what came back: answers counted by
 * status, and requests that got none (refused or cut off while a service was down).
 */
final class Burst {

    /** A drill must not wait forever on a request to a service that was just killed. */
    static final RestAssuredConfig SHORT_TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", 2000).setParam("http.socket.timeout", 15000));

    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();

    static RequestSpecification request() {
        return RestAssured.given().config(SHORT_TIMEOUTS);
    }

    /** Sends one request and counts its answer; null when it got none. */
    Response send(java.util.function.Supplier<Response> call) {
        sent.incrementAndGet();
        try {
            Response response = call.get();
            byStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            return response;
        } catch (Exception noAnswer) { // RestAssured throws ConnectException undeclared
            unanswered.incrementAndGet();
            return null;
        }
    }

    /** Runs {@code count} requests on {@code threads} threads; request i is {@code call.apply(i)}. */
    void run(int count, int threads, IntFunction<Response> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            int index = i;
            pool.execute(() -> send(() -> call.apply(index)));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the burst did not end within 3 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int sent() {
        return sent.get();
    }

    int answered(int status) {
        AtomicInteger count = byStatus.get(status);
        return count == null ? 0 : count.get();
    }

    int unanswered() {
        return unanswered.get();
    }

    /** Server errors other than 503 (the one a client may retry): what a drill must never see. */
    int leakedServerErrors() {
        return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** e.g. "sent 150: 201×148, 503×2, no answer×0". */
    @Override
    public String toString() {
        return "sent " + sent + ": " + new TreeMap<>(byStatus).entrySet().stream()
                .map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "))
                + (byStatus.isEmpty() ? "" : ", ") + "no answer×" + unanswered;
    }
}
