package com.stadium.quota.benchmarks;

import static com.stadium.quota.benchmarks.SuiteHttp.expect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The concurrency proof as a benchmark (issue 17, item 1), against the running suite (./suite start): N claims
 * released at the same moment on the k tickets of one fresh quota (claim i wants ticket i mod k), for N = 64, 256,
 * 1024 and k = 1, 40, with the race protection on and then off (PUT /api/admin/race-protection, which the dev profile
 * allows and production refuses). Counts winners, 409s, other answers, tickets promised by two winning answers, and
 * what the tables show afterwards (claims made that hold no ticket). {@code -Dwrite=true} puts the table into
 * docs/benchmarks.md between its race-at-once markers.
 */
public final class RaceAtOnce {

    private static final int[] NS = ints(System.getProperty("n", "64,256,1024"));
    private static final int[] KS = ints(System.getProperty("k", "1,40"));
    private static final boolean WRITE = Boolean.getBoolean("write");
    private static final String ALL_ON = "{\"turns\":true,\"rowLock\":true,\"versionCheck\":true}";
    private static final String ALL_OFF = "{\"turns\":false,\"rowLock\":false,\"versionCheck\":false}";

    private final ObjectMapper json = new ObjectMapper();
    private final SuiteHttp http = new SuiteHttp(DevSuite.KEYCLOAK);
    // HTTP/1.1, a connection per claim, as N people's browsers would come
    private final HttpClient racing = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<UUID> made = new ArrayList<>();
    private String admin;

    /** One race: its size, whether the protection was on, and what it counted. */
    record Row(int n, int k, boolean protectedRun, int winners, int conflicts, int others, int promisedTwice,
            int emptyClaims, double p50, double p99, double allAnsweredMs) {
    }

    public static void main(String[] args) throws Exception {
        new RaceAtOnce().run();
    }

    private void run() throws Exception {
        admin = http.token("admin", "admin");
        JsonNode state = json.readTree(expect(200, http.send(admin, "GET", DevSuite.QUOTA + "/api/admin/race-protection",
                null)));
        if (!state.path("switchable").asBoolean()) {
            throw new IllegalStateException("quota-service does not allow the race protection switch: run it in the "
                    + "dev profile (./suite start does) with suite.race.protection-switch=true");
        }
        long match = json.readTree(expect(200, http.send(admin, "GET", DevSuite.ALLOCATION + "/api/matches", null))).get(0)
                .path("id").asLong();
        List<Row> rows = new ArrayList<>();
        double loadBefore = BenchmarkDocs.loadAverage();
        try (Connection db = DriverManager.getConnection(DevSuite.DB, DevSuite.DB_USER, DevSuite.DB_PASSWORD)) {
            race(db, match, 16, 4, true); // warm-up, not counted
            for (boolean on : new boolean[] {true, false}) {
                for (int n : NS) {
                    for (int k : KS) {
                        rows.add(race(db, match, n, k, on));
                    }
                }
            }
        } finally {
            expect(200, http.send(http.token("admin", "admin"), "PUT", DevSuite.QUOTA + "/api/admin/race-protection",
                    ALL_ON));
            cancelMade();
        }
        String table = table(rows, "%.1f before, %.1f after".formatted(loadBefore,
                BenchmarkDocs.loadAverage()));
        System.out.println(table);
        if (WRITE) {
            BenchmarkDocs.write("race-at-once", table);
        }
    }

    private Row race(Connection db, long match, int n, int k, boolean on) throws Exception {
        admin = http.token("admin", "admin");
        String holder = http.token("holder", "holder");
        expect(200, http.send(admin, "PUT", DevSuite.QUOTA + "/api/admin/race-protection", on ? ALL_ON : ALL_OFF));
        UUID quota = allocatedQuota(db, match, k);
        List<String> tickets = strings(db, "select id from ticket where quota_id = ? order by id", quota);

        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> answers = new ArrayList<>(); // status, nanoseconds from the start
        List<String> bodies = new ArrayList<>(java.util.Collections.nCopies(n, ""));
        long[] startedAt = new long[1];
        try {
            for (int i = 0; i < n; i++) {
                int request = i;
                String body = "{\"ticketIds\":[\"" + tickets.get(i % k) + "\"]}";
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    HttpResponse<String> response = racing.send(HttpRequest.newBuilder(URI.create(DevSuite.QUOTA
                            + "/api/holder/quotas/" + quota + "/claims")).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + holder).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - startedAt[0];
                    bodies.set(request, response.statusCode() == 201 ? response.body() : "");
                    return new long[] {response.statusCode(), took};
                }));
            }
            ready.await();
            startedAt[0] = System.nanoTime();
            start.countDown();
            int winners = 0;
            int conflicts = 0;
            int others = 0;
            long[] took = new long[n];
            for (int i = 0; i < n; i++) {
                long[] answer = answers.get(i).get();
                took[i] = answer[1];
                winners += answer[0] == 201 ? 1 : 0;
                conflicts += answer[0] == 409 ? 1 : 0;
                others += answer[0] != 201 && answer[0] != 409 ? 1 : 0;
            }
            Arrays.sort(took);
            Map<String, Integer> promised = new HashMap<>();
            for (String body : bodies) {
                if (!body.isEmpty()) {
                    json.readTree(body).path("tickets").forEach(t -> promised.merge(t.path("id").asText(), 1,
                            Integer::sum));
                }
            }
            int twice = (int) promised.values().stream().filter(c -> c > 1).count();
            int empty = strings(db, "select c.id from claim c where c.quota_id = ? and not exists "
                    + "(select 1 from ticket t where t.claim_id = c.id)", quota).size();
            Row row = new Row(n, k, on, winners, conflicts, others, twice, empty, took[n / 2] / 1e6,
                    took[Math.min(n - 1, (int) (n * 0.99))] / 1e6, took[n - 1] / 1e6);
            System.out.println(row);
            return row;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fresh quota of k tickets for the demo holder, allocated by allocation-service. */
    private UUID allocatedQuota(Connection db, long match, int k) throws Exception {
        String body = """
                {"holderEmail":"holder@club.example","holderName":"Race At Once","matchIds":[%d],
                 "sectors":["E1","E2","E3","E4","E5","W1","W2","W3","W4","W5"],"quantity":%d,
                 "discountPercent":50,"algorithm":"NM","allowPartial":false}""".formatted(match, k);
        UUID id = UUID.fromString(json.readTree(expect(201, http.send(admin, "POST", DevSuite.QUOTA + "/api/admin/quotas",
                body))).path("quotas").get(0).path("id").asText());
        made.add(id);
        for (int i = 0; i < 600; i++) {
            List<String> state = strings(db, "select state from quota where id = ?", id);
            if (state.equals(List.of("ALLOCATED"))) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("quota " + id + " was not ALLOCATED within a minute");
    }

    private static List<String> strings(Connection db, String sql, UUID quota) throws Exception {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, quota);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private void cancelMade() throws Exception {
        String token = http.token("admin", "admin");
        for (UUID id : made) {
            http.send(token, "POST", DevSuite.QUOTA + "/api/admin/quotas/" + id + "/cancel", "{\"scope\":\"ALL_UNUSED\"}");
        }
    }

    private static String table(List<Row> rows, String load) {
        StringBuilder out = new StringBuilder("Run of " + Instant.now().toString().substring(0, 16)
                + " UTC, load average " + load + "; N claims of one ticket each released at once on a quota of k "
                + "tickets, one HTTP/1.1 connection per claim.\n\n");
        out.append("| N | k | protection | winners | 409 | other answers | tickets promised twice "
                + "| claims in the tables without their ticket | p50 (ms) | p99 (ms) | all answered (ms) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| %d | %d | %s | %d | %d | %d | %s | %s | %.0f | %.0f | %.0f |\n".formatted(r.n(), r.k(),
                    r.protectedRun() ? "on" : "**off**", r.winners(), r.conflicts(), r.others(),
                    flagged(r.promisedTwice()), flagged(r.emptyClaims()), r.p50(), r.p99(), r.allAnsweredMs()));
        }
        return out.toString();
    }

    private static String flagged(int doubles) {
        return doubles == 0 ? "0" : "**" + doubles + "**";
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
