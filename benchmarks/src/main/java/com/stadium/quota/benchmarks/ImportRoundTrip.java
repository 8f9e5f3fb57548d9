package com.stadium.quota.benchmarks;

import static com.stadium.quota.benchmarks.SuiteHttp.expect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.testing.ImportFiles;

/**
 * A CSV import of 50 lines over three matches against the running suite (./suite start, or services pointed at with
 * -Dquota, -Dallocation, -Dkeycloak): the file of system-tests' ImportIT ({@link ImportFiles#fiftyLines}, 70 quotas),
 * uploaded, confirmed, and followed until every quota is allocated. Timed from request to answer; the
 * first rounds warm up (and wait until quota-service knows the matches). Issue 16 item 4: the first round (cold
 * services) and the warm median against their goals, written into docs/benchmarks.md with -Dwrite=true. Each round
 * also prints where its allocation phase went, read back from both services' databases (-Dstages=false: not).
 */
public final class ImportRoundTrip {

    private static final int WARM_UP = Integer.getInteger("warmUp", 2);
    private static final int ROUNDS = Integer.getInteger("rounds", 7);
    private static final boolean STAGES = Boolean.parseBoolean(System.getProperty("stages", "true"));
    /** allocation-service's database, for the stages of the allocation phase. */
    private static final String ALLOCATION_DB = System.getProperty("allocationDb",
            "jdbc:postgresql://127.0.0.1:15432/allocation_service");

    private final ObjectMapper json = new ObjectMapper();
    private final SuiteHttp http = new SuiteHttp(DevSuite.KEYCLOAK);

    private record Round(long uploadNanos, long confirmNanos, long allocatedNanos) {
        long total() {
            return uploadNanos + confirmNanos + allocatedNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        new ImportRoundTrip().run();
    }

    private void run() throws Exception {
        String admin = http.token("admin", "admin");
        List<Long> matches = new ArrayList<>();
        json.readTree(expect(200, http.send(admin, "GET", DevSuite.ALLOCATION + "/api/matches", null)))
                .forEach(m -> matches.add(m.path("id").asLong()));
        List<Long> three = matches.stream().sorted().limit(3).toList();
        System.out.printf("matches %s, quota-service %s%n", three, DevSuite.QUOTA);
        double loadBefore = BenchmarkDocs.loadAverage();
        Round first = null;
        for (int i = 0; i < WARM_UP; i++) {
            Round round = round(admin, three, i == 0);
            first = first == null ? round : first;
            System.out.printf("warm-up %d: %s%n", i + 1, describe(round));
        }
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            Round round = round(admin, three, false);
            rounds.add(round);
            System.out.printf("round %d: %s%n", i + 1, describe(round));
        }
        System.out.printf("median of %d rounds: upload %.0f ms, confirm %.0f ms, allocated %.0f ms later, %.0f ms in"
                + " all%n", ROUNDS, median(rounds, Round::uploadNanos), median(rounds, Round::confirmNanos),
                median(rounds, Round::allocatedNanos), median(rounds, Round::total));
        if (Boolean.getBoolean("write") && first != null) {
            BenchmarkDocs.write("import-end-to-end", table(first, rounds, loadBefore, BenchmarkDocs.loadAverage()));
        }
    }

    private static String table(Round first, List<Round> warm, double loadBefore, double loadAfter) {
        double warmTotal = median(warm, Round::total);
        double warmMax = warm.stream().mapToLong(Round::total).max().orElseThrow() / 1e6;
        return String.format("""
                Run of %s UTC, load average %.1f before, %.1f after; %d warm rounds after %d warm-up.

                | import of 50 lines over 3 matches (70 quotas) | upload | confirm | until the last ALLOCATED | in all \
                | goal |
                |---|---|---|---|---|---|
                | first after the services started (cold) | %,d ms | %,d ms | %,d ms | %,d ms | < 3 s%s |
                | warm, median (slowest %,.0f ms) | %,.0f ms | %,.0f ms | %,.0f ms | %,.0f ms | < 2 s%s |
                """, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).withSecond(0), loadBefore,
                loadAfter, warm.size(), WARM_UP, first.uploadNanos() / 1_000_000, first.confirmNanos() / 1_000_000,
                first.allocatedNanos() / 1_000_000, first.total() / 1_000_000,
                first.total() < 3_000_000_000L ? "" : ": **not met**", warmMax, median(warm, Round::uploadNanos),
                median(warm, Round::confirmNanos), median(warm, Round::allocatedNanos), warmTotal,
                warmTotal < 2_000 ? "" : ": **not met**");
    }

    private Round round(String admin, List<Long> matches, boolean waitForMatches) throws Exception {
        String file = ImportFiles.fiftyLines(matches, UUID.randomUUID().toString().substring(0, 8));
        long start = System.nanoTime();
        JsonNode uploaded = json.readTree(expect(201, http.send(admin, "POST", DevSuite.QUOTA
                + "/api/admin/imports?fileName=fifty.csv", file, "text/csv")));
        long patience = System.nanoTime() + 60_000_000_000L;
        while (waitForMatches && !"VALIDATED".equals(uploaded.path("status").asText())
                && System.nanoTime() < patience) {
            // quota-service learns the matches from allocation-service's announcements just after both start
            Thread.sleep(500);
            start = System.nanoTime();
            uploaded = json.readTree(expect(201, http.send(admin, "POST", DevSuite.QUOTA
                    + "/api/admin/imports?fileName=fifty.csv", file, "text/csv")));
        }
        long validated = System.nanoTime();
        if (!"VALIDATED".equals(uploaded.path("status").asText())) {
            throw new IllegalStateException("upload refused: " + uploaded.path("violations"));
        }
        String id = uploaded.path("id").asText();
        expect(200, http.send(admin, "POST", DevSuite.QUOTA + "/api/admin/imports/" + id + "/confirm", "{}"));
        long confirmed = System.nanoTime();
        while (!json.readTree(expect(200, http.send(admin, "GET", DevSuite.QUOTA + "/api/admin/imports/" + id, null)))
                .path("progress").path("done").asBoolean()) {
            // 100 ms is the figure's resolution; every 20 ms the polls were 13 % of quota-service's CPU samples
            Thread.sleep(100);
        }
        long allocated = System.nanoTime();
        Instant seenDone = Instant.now();
        if (STAGES) {
            System.out.println("  " + stages(UUID.fromString(id), seenDone));
        }
        return new Round(validated - start, confirmed - validated, allocated - confirmed);
    }

    /**
     * Where the allocation phase of an import went, from both services' own timestamps (same host, same clock), in
     * ms after the confirm wrote the first request to quota-service's outbox: each stage's first and last event.
     */
    private static String stages(UUID importId, Instant seenDone) throws Exception {
        Map<String, Instant[]> stages = new LinkedHashMap<>();
        List<String> requestIds = new ArrayList<>();
        List<UUID> requestEvents = new ArrayList<>();
        List<UUID> resultEvents = new ArrayList<>();
        try (Connection quota = DriverManager.getConnection(DevSuite.DB, DevSuite.DB_USER, DevSuite.DB_PASSWORD);
                Connection allocation = DriverManager.getConnection(ALLOCATION_DB, "allocation_service",
                        DevSuite.DB_PASSWORD)) {
            try (PreparedStatement select = quota.prepareStatement("select distinct q.allocation_request_id::text"
                    + " from quota_import_quota i join quota q on q.id = i.quota_id where i.import_id = ?")) {
                select.setObject(1, importId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        requestIds.add(rows.getString(1));
                    }
                }
            }
            String byRequest = " where event_type = ? and (envelope::jsonb #>> '{payload,requestId}') = any (?)";
            outbox(quota, byRequest, "allocation.requested", requestIds, requestEvents, stages, "request written",
                    "request relayed");
            times(allocation, "select processed_at from processed_message where consumer ="
                    + " 'allocation-service/allocation-requests' and event_id = any (?)", requestEvents, stages,
                    "poll's transaction began");
            times(allocation, "select created_at from allocation where request_id::text = any (?)", requestIds,
                    stages, "answer computed");
            outbox(allocation, byRequest, "allocation.completed", requestIds, resultEvents, stages,
                    "answer written", "answer relayed");
            times(quota, "select processed_at from processed_message where consumer ="
                    + " 'quota-service/allocation-results' and event_id = any (?)", resultEvents, stages,
                    "result's transaction began");
            times(quota, "select a.at from audit_entry a join quota_import_quota i on i.quota_id = a.quota_id"
                    + " where i.import_id = any (?) and a.actor = 'allocation-service'", List.of(importId), stages,
                    "result applied");
        }
        Instant origin = stages.getOrDefault("request written", new Instant[] {seenDone, seenDone})[0];
        StringBuilder line = new StringBuilder("stages, ms after the first request was written:");
        stages.forEach((name, span) -> line.append(' ').append(name).append(' ')
                .append(span[0].toEpochMilli() - origin.toEpochMilli()).append('-')
                .append(span[1].toEpochMilli() - origin.toEpochMilli()).append(','));
        return line.append(" seen done ").append(seenDone.toEpochMilli() - origin.toEpochMilli()).toString();
    }

    /** The creation and publication times of the outbox events of the requests; collects their event ids. */
    private static void outbox(Connection db, String where, String type, List<String> requestIds, List<UUID> events,
            Map<String, Instant[]> stages, String written, String relayed) throws Exception {
        try (PreparedStatement select = db.prepareStatement("select event_id, created_at, published_at"
                + " from outbox_message" + where)) {
            select.setString(1, type);
            select.setArray(2, db.createArrayOf("text", requestIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getObject(1, UUID.class));
                    widen(stages, written, rows.getTimestamp(2));
                    widen(stages, relayed, rows.getTimestamp(3));
                }
            }
        }
    }

    private static void times(Connection db, String sql, List<?> ids, Map<String, Instant[]> stages, String stage)
            throws Exception {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setArray(1, db.createArrayOf(ids.isEmpty() || ids.get(0) instanceof String ? "text" : "uuid",
                    ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    widen(stages, stage, rows.getTimestamp(1));
                }
            }
        }
    }

    private static void widen(Map<String, Instant[]> stages, String stage, Timestamp at) {
        if (at == null) {
            return;
        }
        Instant time = at.toInstant();
        stages.merge(stage, new Instant[] {time, time}, (a, b) -> new Instant[] {
            a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }

    private static String describe(Round round) {
        return String.format("upload %d ms, confirm %d ms, allocated %d ms later, %d ms in all",
                round.uploadNanos() / 1_000_000, round.confirmNanos() / 1_000_000, round.allocatedNanos() / 1_000_000,
                round.total() / 1_000_000);
    }

    private static double median(List<Round> rounds, java.util.function.ToLongFunction<Round> part) {
        long[] values = rounds.stream().mapToLong(part).sorted().toArray();
        return (values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2.0) / 1e6;
    }
}
