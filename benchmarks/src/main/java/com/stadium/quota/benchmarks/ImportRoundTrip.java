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
 * first rounds warm up (and wait until quota-service knows the matches).
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
        for (int i = 0; i < WARM_UP; i++) {
            Round round = round(admin, three, i == 0);
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
