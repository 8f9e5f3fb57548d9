package com.stadium.quota.benchmarks;

import static com.stadium.quota.benchmarks.SuiteHttp.expect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The holder's side against the running suite (./suite start, dev profile with the payment sandbox): how long each
 * claim step takes over HTTP, one holder after the other, and how fast many simultaneous requests on the same
 * tickets are settled (one winner, the rest 409). Uses the demo holder (holder@club.example); cancels every quota it
 * made at the end.
 */
public final class ClaimRoundTrip {

    private static final int CLAIMS = Integer.getInteger("claims", 30);
    private static final int CONTENDERS = Integer.getInteger("contenders", 50);

    private final ObjectMapper json = new ObjectMapper();
    private final SuiteHttp http = new SuiteHttp(DevSuite.KEYCLOAK);
    private final List<String> made = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new ClaimRoundTrip().run();
    }

    private void run() throws Exception {
        String admin = http.token("admin", "admin");
        String holder = http.token("holder", "holder");
        long match = json.readTree(http.send(admin, "GET", DevSuite.ALLOCATION + "/api/matches", null).body()).get(0)
                .path("id").asLong();
        try {
            List<String> quotas = new ArrayList<>();
            for (int i = 0; i < CLAIMS + 1; i++) {
                quotas.add(quota(admin, match));
            }
            for (String quota : quotas) {
                awaitAllocated(admin, quota);
            }
            // warm-up: one claim through every step, not counted
            claim(holder, quotas.get(0), new long[4]);
            long[][] steps = new long[CLAIMS][4];
            for (int i = 0; i < CLAIMS; i++) {
                claim(holder, quotas.get(i + 1), steps[i]);
            }
            String[] names = {"select", "attendees", "payment", "paid (callback) until SOLD"};
            for (int step = 0; step < 4; step++) {
                List<Long> times = new ArrayList<>();
                for (long[] claim : steps) {
                    times.add(claim[step]);
                }
                Collections.sort(times);
                System.out.printf("%-28s median %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d claims)%n", names[step],
                        times.get(times.size() / 2) / 1e6, times.get((int) (times.size() * 0.95)) / 1e6,
                        times.get(times.size() - 1) / 1e6, times.size());
            }
            contention(admin, holder, match);
        } finally {
            for (String quota : made) {
                http.send(admin, "POST", DevSuite.QUOTA + "/api/admin/quotas/" + quota + "/cancel",
                        "{\"scope\":\"ALL_UNUSED\"}");
            }
        }
    }

    /** Select two tickets, name their attendees, pay in the sandbox; nanoseconds per step into {@code times}. */
    private void claim(String holder, String quota, long[] times) throws Exception {
        List<String> tickets = tickets(holder, quota);
        String base = DevSuite.QUOTA + "/api/holder/quotas/" + quota + "/claims";
        long start = System.nanoTime();
        String claim = json.readTree(expect(201, http.send(holder, "POST", base,
                json.writeValueAsString(Map.of("ticketIds", tickets.subList(0, 2)))))).path("id").asText();
        long selected = System.nanoTime();
        expect(200, http.send(holder, "PUT", base + "/" + claim + "/attendees", json.writeValueAsString(Map.of(
                "attendees", List.of(Map.of("ticketId", tickets.get(0), "name", "Hanna", "email", "holder@club.example"),
                        Map.of("ticketId", tickets.get(1), "name", "Gus", "email", "gus@friends.example"))))));
        long named = System.nanoTime();
        String paymentUrl = json.readTree(expect(200, http.send(holder, "POST", base + "/" + claim + "/payment",
                null))).path("paymentUrl").asText();
        long paying = System.nanoTime();
        expect(200, http.send(null, "POST", paymentUrl + "/succeed", null));
        while (!json.readTree(expect(200, http.send(holder, "GET", base + "/" + claim, null))).path("step")
                .asText().equals("COMPLETED")) {
            Thread.sleep(1);
        }
        long sold = System.nanoTime();
        times[0] = selected - start;
        times[1] = named - selected;
        times[2] = paying - named;
        times[3] = sold - paying;
    }

    /** Many requests on the same two tickets at once: exactly one may win. */
    private void contention(String admin, String holder, long match) throws Exception {
        String quota = quota(admin, match);
        awaitAllocated(admin, quota);
        String body = json.writeValueAsString(Map.of("ticketIds", tickets(holder, quota).subList(0, 2)));
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            Callable<Integer> request = () -> {
                go.await();
                return http.send(holder, "POST", DevSuite.QUOTA + "/api/holder/quotas/" + quota + "/claims", body)
                        .statusCode();
            };
            answers.add(pool.submit(request));
        }
        long start = System.nanoTime();
        go.countDown();
        int won = 0;
        int conflicts = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            won += status == 201 ? 1 : 0;
            conflicts += status == 409 ? 1 : 0;
        }
        long took = System.nanoTime() - start;
        pool.shutdown();
        System.out.printf("%d simultaneous selections of the same 2 tickets: %d won, %d got 409, all answered in "
                + "%.0f ms%n", CONTENDERS, won, conflicts, took / 1e6);
    }

    private String quota(String admin, long match) throws Exception {
        String id = json.readTree(expect(201, http.send(admin, "POST", DevSuite.QUOTA + "/api/admin/quotas", """
                {"holderEmail":"holder@club.example","holderName":"Hanna Holder","matchIds":[%d],
                 "sectors":["E1","E2","E3","E4"],"quantity":4,"discountPercent":50,"algorithm":"NM"}"""
                .formatted(match)))).path("quotas").get(0).path("id").asText();
        made.add(id);
        return id;
    }

    private void awaitAllocated(String admin, String quota) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (json.readTree(http.send(admin, "GET", DevSuite.QUOTA + "/api/admin/quotas/" + quota, null).body())
                    .path("quota").path("state").asText().equals("ALLOCATED")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("quota " + quota + " was not allocated in 30 s");
    }

    private List<String> tickets(String holder, String quota) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode ticket : json.readTree(expect(200, http.send(holder, "GET", DevSuite.QUOTA + "/api/holder/quotas/" + quota,
                null))).path("tickets")) {
            ids.add(ticket.path("id").asText());
        }
        return ids;
    }
}
