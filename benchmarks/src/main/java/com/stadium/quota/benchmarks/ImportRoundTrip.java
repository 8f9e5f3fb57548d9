package com.stadium.quota.benchmarks;

import static com.stadium.quota.benchmarks.SuiteHttp.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.testing.ImportFiles;

/**
 * A CSV import of 50 lines over three matches against the running suite (./suite start, or services pointed at with
 * -Dquota, -Dallocation, -Dkeycloak): the file of system-tests' ImportIT ({@link ImportFiles#fiftyLines}, 70 quotas),
 * uploaded, confirmed, and followed until every quota is allocated. Timed from request to answer; the
 * first rounds warm up (and wait until quota-service knows the matches). Issue 16 item 4: the first round (cold
 * services) and the warm median against their goals, written into docs/benchmarks.md with -Dwrite=true.
 */
public final class ImportRoundTrip {

    private static final int WARM_UP = Integer.getInteger("warmUp", 2);
    private static final int ROUNDS = Integer.getInteger("rounds", 7);

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
            Thread.sleep(20);
        }
        long allocated = System.nanoTime();
        return new Round(validated - start, confirmed - validated, allocated - confirmed);
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
