package com.stadium.quota.benchmarks;

import static com.stadium.quota.benchmarks.SuiteHttp.expect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.stadium.quota.allocation.algorithm.SeatQuality;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.Topics;

/**
 * A whole stadium through Kafka (issue 16, item 2), against the running suite (./suite start): a new match at the
 * 59,210-seat demo venue is filled by NM requests of 1 to 10 seats (fixed seed; 1 to 4 neighbouring sectors of one
 * stand, as real quotas ask) written straight onto {@code allocation-requests}, until 300 answers in a row are
 * FAILED. First allocation-service is restarted and the first 150 requests go out at once (the burst from a cold
 * start); the rest keep {@code -Dwindow} requests in flight. Beside it, in the same run on the same PostgreSQL server,
 * the raw fill: one seat per JDBC transaction ({@code FOR UPDATE SKIP LOCKED}) until 60,000 are taken. Seat quality
 * at 50/75/90 % occupancy comes from allocation-service's seat-quality reports, replayed in order over the plan.
 * {@code -Dwrite=true} puts the table into docs/benchmarks.md between its stadium-fill markers.
 */
public final class StadiumFill {

    private static final String KAFKA = System.getProperty("kafka", "127.0.0.1:19092");
    private static final String DB = System.getProperty("db",
            "jdbc:postgresql://127.0.0.1:15432/allocation_service");
    private static final String DB_USER = System.getProperty("dbUser", "allocation_service");
    private static final String DB_PASSWORD = System.getProperty("dbPassword", "local-demo");
    private static final boolean WRITE = Boolean.getBoolean("write");
    private static final boolean COLD = Boolean.parseBoolean(System.getProperty("cold", "true"));
    /** Only the cold restart and the 150-request burst (no raw fill, no fill, no table): minutes less per try. */
    private static final boolean BURST_ONLY = Boolean.getBoolean("burstOnly");
    private static final String PID_FILE = System.getProperty("allocationPidFile",
            "../.work/dev/run/allocation-service.pid");
    /** A file name: records allocation-service with JFR (profile settings) from its restart to the end of the fill. */
    private static final String JFR = System.getProperty("jfr", "");
    private static final int BURST = 150;
    private static final int WINDOW = Integer.getInteger("window", 32);
    private static final int RAW_SEATS = 60_000;
    private static final int RAW_CLIENTS = Integer.getInteger("rawClients", 4);
    private static final int GIVE_UP_AFTER = 300;
    private static final long SEED = 16;
    /** Each stand's tiers: a request asks for 1 to 4 neighbouring sectors of one of them. */
    private static final List<List<String>> STANDS = List.of(
            List.of("W1", "W2", "W3", "W4", "W5"), List.of("WU1", "WU2", "WU3", "WU4", "WU5"),
            List.of("E1", "E2", "E3", "E4", "E5"), List.of("EU1", "EU2", "EU3", "EU4", "EU5"),
            List.of("N1", "N2", "N3", "N4"), List.of("NU1", "NU2", "NU3", "NU4"),
            List.of("S1", "S2", "S3", "S4"), List.of("SU1", "SU2", "SU3", "SU4"),
            List.of("NW", "NE", "SE", "SW"), List.of("VIP-WEST"));

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SplittableRandom random = new SplittableRandom(SEED);

    /** One request's answer: when it was sent and answered, and what it got. */
    record Answer(long sentNanos, long answeredNanos, String outcome, int allocated) {
        long millis() {
            return (answeredNanos - sentNanos) / 1_000_000;
        }
    }

    public static void main(String[] args) throws Exception {
        new StadiumFill().run();
    }

    private void run() throws Exception {
        double loadBefore = BenchmarkDocs.loadAverage();
        double rawSeatsPerSecond = 0;
        if (!BURST_ONLY) {
            try (Connection db = DriverManager.getConnection(DB, DB_USER, DB_PASSWORD)) {
                rawSeatsPerSecond = rawFill(db);
            }
        }
        if (COLD) {
            restartAllocationService();
        }
        jcmd("JFR.start", "name=stadium-fill", "settings=profile", "filename=" + Path.of(JFR).toAbsolutePath());
        SuiteHttp http = new SuiteHttp(DevSuite.KEYCLOAK);
        String admin = http.token("admin", "admin");
        long match = createMatch(http, admin);
        Map<UUID, Answer> answers = new LinkedHashMap<>();
        long fillStart;
        long burstEnd;
        long fillEnd;
        try (KafkaProducer<String, String> producer = SuiteKafka.producer(KAFKA, 2);
                KafkaConsumer<String, String> results = SuiteKafka.latest(KAFKA, Topics.ALLOCATION_RESULTS)) {
            Map<UUID, Long> pending = new HashMap<>();
            long burstStart = System.nanoTime();
            for (int i = 0; i < BURST; i++) {
                send(producer, match, pending);
            }
            producer.flush();
            collect(results, pending, answers, 0);
            burstEnd = System.nanoTime();
            List<Long> burstMillis = answers.values().stream().map(Answer::millis).sorted().toList();
            System.out.printf("burst of %d answered in %d ms (first answer %d ms, p50 %d, p99 %d ms)%n", BURST,
                    (burstEnd - burstStart) / 1_000_000, burstMillis.get(0), percentile(burstMillis, 50),
                    percentile(burstMillis, 99));
            if (BURST_ONLY) {
                jcmd("JFR.stop", "name=stadium-fill");
                return;
            }
            fillStart = System.nanoTime();
            int failedInARow = 0;
            while (failedInARow < GIVE_UP_AFTER || !pending.isEmpty()) {
                while (failedInARow < GIVE_UP_AFTER && pending.size() < WINDOW) {
                    send(producer, match, pending);
                }
                producer.flush();
                for (Answer answer : collect(results, pending, answers, pending.size() - 1)) {
                    failedInARow = "FAILED".equals(answer.outcome()) ? failedInARow + 1 : 0;
                }
                if (answers.size() % 1000 < WINDOW) {
                    System.out.printf("%d answered, %d seats held%n", answers.size(),
                            answers.values().stream().mapToInt(Answer::allocated).sum());
                }
            }
            fillEnd = System.nanoTime();
        }
        jcmd("JFR.stop", "name=stadium-fill");
        double loadAfter = BenchmarkDocs.loadAverage();
        List<Answer> burst = answers.values().stream().limit(BURST).toList();
        List<Answer> rest = answers.values().stream().skip(BURST).toList();
        int restSeats = rest.stream().mapToInt(Answer::allocated).sum();
        double suiteSeatsPerSecond = restSeats / ((fillEnd - fillStart) / 1e9);
        Quality quality;
        try (Connection db = DriverManager.getConnection(DB, DB_USER, DB_PASSWORD)) {
            quality = quality(db, new ArrayList<>(answers.keySet()));
        }
        String table = table(loadBefore, loadAfter, rawSeatsPerSecond, suiteSeatsPerSecond, restSeats,
                (fillEnd - fillStart) / 1_000_000, burst, answers.size(), quality);
        System.out.println(table);
        if (WRITE) {
            BenchmarkDocs.write("stadium-fill", table);
        }
    }

    // ---- the raw baseline

    /** Seats per second of the raw fill: one seat per transaction, SKIP LOCKED, on a scratch table. */
    private double rawFill(Connection db) throws Exception {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("drop table if exists bench_raw_fill");
            ddl.execute("create table bench_raw_fill (id integer primary key, taken boolean not null default false)");
            ddl.execute("insert into bench_raw_fill (id) select generate_series(1, " + RAW_SEATS + ")");
            ddl.execute("create index bench_raw_fill_free on bench_raw_fill (id) where not taken");
            ddl.execute("analyze bench_raw_fill");
        }
        AtomicInteger taken = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(RAW_CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < RAW_CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    try (Connection own = DriverManager.getConnection(DB, DB_USER, DB_PASSWORD);
                            PreparedStatement pick = own.prepareStatement("select id from bench_raw_fill where "
                                    + "not taken order by id limit 1 for update skip locked");
                            PreparedStatement take = own.prepareStatement(
                                    "update bench_raw_fill set taken = true where id = ?")) {
                        own.setAutoCommit(false);
                        while (true) {
                            try (ResultSet row = pick.executeQuery()) {
                                if (!row.next()) {
                                    own.commit();
                                    return null;
                                }
                                take.setInt(1, row.getInt(1));
                            }
                            take.executeUpdate();
                            own.commit();
                            taken.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Statement ddl = db.createStatement()) {
            ddl.execute("drop table bench_raw_fill");
        }
        System.out.printf("raw fill: %,d seats in %.1f s, %,.0f seats/s (%d clients)%n", taken.get(), seconds,
                taken.get() / seconds, RAW_CLIENTS);
        return taken.get() / seconds;
    }

    // ---- the suite

    /** Stops allocation-service and lets ./suite start it again, so the burst meets a cold JVM. */
    private static void restartAllocationService() throws Exception {
        long pid = Long.parseLong(Files.readString(Path.of(PID_FILE)).trim());
        ProcessHandle service = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "allocation-service (pid " + pid + ") is not running: ./suite start first"));
        service.destroy();
        service.onExit().get();
        long start = System.nanoTime();
        Process suite = new ProcessBuilder("./suite", "start").directory(Path.of("..").toFile()).inheritIO().start();
        if (suite.waitFor() != 0) {
            throw new IllegalStateException("./suite start failed");
        }
        System.out.printf("allocation-service restarted and ready in %d ms: %s%n",
                (System.nanoTime() - start) / 1_000_000, SuiteHttp.readiness(DevSuite.ALLOCATION));
    }

    /** Runs a diagnostic command in allocation-service's JVM when {@code -Djfr} names a file. */
    private static void jcmd(String... command) throws Exception {
        if (JFR.isBlank()) {
            return;
        }
        List<String> line = new ArrayList<>(List.of("jcmd", Files.readString(Path.of(PID_FILE)).trim()));
        line.addAll(List.of(command));
        new ProcessBuilder(line).inheritIO().start().waitFor();
    }

    private long createMatch(SuiteHttp http, String admin) throws Exception {
        String code = "FILL-" + Instant.now().getEpochSecond();
        String body = """
                {"code":"%s","name":"Stadium fill benchmark","kickoff":"%s","venueCode":"ARENA",
                 "pricesCents":{"VIP":25000,"CAT1":8500,"CAT2":6000,"CAT3":3500}}"""
                .formatted(code, Instant.now().plus(Duration.ofDays(300)));
        return json.readTree(expect(201, http.send(admin, "POST", DevSuite.ALLOCATION + "/api/matches", body)))
                .path("id").asLong();
    }

    private void send(KafkaProducer<String, String> producer, long match, Map<UUID, Long> pending)
            throws Exception {
        List<String> stand = STANDS.get(random.nextInt(STANDS.size()));
        int count = 1 + random.nextInt(Math.min(4, stand.size()));
        int first = random.nextInt(stand.size() - count + 1);
        AllocationRequested request = new AllocationRequested(UUID.randomUUID(),
                List.of(new AllocationRequested.MatchQuota(match, UUID.randomUUID())), stand.subList(first,
                        first + count), 1 + random.nextInt(10), AllocationRequested.Algorithm.NM, false, false, null);
        String key = request.partitionKey();
        pending.put(request.requestId(), System.nanoTime());
        producer.send(new ProducerRecord<>(Topics.ALLOCATION_REQUESTS, key,
                json.writeValueAsString(EventEnvelope.of(request, key, Instant.now(), json))));
    }

    /** Reads results until at most {@code leave} requests are pending; the answers read, in order. */
    private List<Answer> collect(KafkaConsumer<String, String> results, Map<UUID, Long> pending,
            Map<UUID, Answer> answers, int leave) throws Exception {
        List<Answer> read = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (pending.size() > Math.max(0, leave)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " requests unanswered after 120 s");
            }
            for (ConsumerRecord<String, String> record : results.poll(Duration.ofMillis(50))) {
                JsonNode payload = json.readTree(record.value()).path("payload");
                UUID id = UUID.fromString(payload.path("requestId").asText());
                Long sent = pending.remove(id);
                if (sent != null) {
                    Answer answer = new Answer(sent, System.nanoTime(), payload.path("outcome").asText(),
                            payload.path("allocated").asInt());
                    answers.put(id, answer);
                    read.add(answer);
                }
            }
        }
        return read;
    }

    // ---- seat quality, from the reports

    /** Groups seated while the stadium's occupancy was below a mark, and how many of them sat in one block. */
    record Band(int percent, int groups, int together, int pairsAndMore, int pairsAndMoreTogether) {
    }

    /** @param singlesAt90 single free seats when 90 % was reached, and the free seats then */
    record Quality(List<Band> bands, int singlesAt90, int freeAt90, Map<String, Integer> rules, int held,
            int capacity) {
    }

    private Quality quality(Connection db, List<UUID> ids) throws Exception {
        SeatingPlan plan = plan(db);
        BitSet occupied = new BitSet(plan.size());
        int[] marks = {50, 75, 90};
        int[] groups = new int[marks.length];
        int[] together = new int[marks.length];
        int[] pairs = new int[marks.length];
        int[] pairsTogether = new int[marks.length];
        Map<String, Integer> rules = new LinkedHashMap<>();
        int singlesAt90 = -1;
        int freeAt90 = -1;
        int held = 0;
        try (PreparedStatement select = db.prepareStatement("""
                select allocated, blocks, rule, seat_ids from allocation_report
                 where request_id = any (?) and allocated > 0 order by created_at""")) {
            select.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int allocated = rows.getInt(1);
                    boolean oneBlock = rows.getInt(2) == 1;
                    rules.merge(rows.getString(3), 1, Integer::sum);
                    for (int m = 0; m < marks.length; m++) {
                        if (held < plan.size() * marks[m] / 100) {
                            groups[m]++;
                            together[m] += oneBlock ? 1 : 0;
                            pairs[m] += allocated > 1 ? 1 : 0;
                            pairsTogether[m] += allocated > 1 && oneBlock ? 1 : 0;
                        }
                    }
                    for (JsonNode seat : json.readTree(rows.getString(4))) {
                        occupied.set(plan.indexOf(seat.asLong()));
                    }
                    held += allocated;
                    if (singlesAt90 < 0 && held >= plan.size() * 90 / 100) {
                        singlesAt90 = SeatQuality.singleFreeSeats(plan, occupied, false);
                        freeAt90 = free(plan, occupied);
                    }
                }
            }
        }
        List<Band> bands = new ArrayList<>();
        for (int m = 0; m < marks.length; m++) {
            bands.add(new Band(marks[m], groups[m], together[m], pairs[m], pairsTogether[m]));
        }
        return new Quality(bands, singlesAt90, freeAt90, rules, held, plan.size());
    }

    /** Seats a request without accessible seats could still take. */
    private static int free(SeatingPlan plan, BitSet occupied) {
        int free = 0;
        for (int i = 0; i < plan.size(); i++) {
            SeatingPlan.Seat seat = plan.seat(i);
            free += occupied.get(i) || seat.accessible() || seat.companion() ? 0 : 1;
        }
        return free;
    }

    /** The demo venue's plan, read as allocation-service reads it. */
    private static SeatingPlan plan(Connection db) throws Exception {
        try (PreparedStatement select = db.prepareStatement("select id from venue where code = 'ARENA'");
                ResultSet venue = select.executeQuery()) {
            if (!venue.next()) {
                throw new IllegalStateException("no demo venue ARENA: is the suite up with its demo data?");
            }
            return Inventory.readPlan(db, venue.getLong(1));
        }
    }

    // ---- the table

    private static String table(double loadBefore, double loadAfter, double raw, double suite, int seats,
            long fillMillis, List<Answer> burst, int requests, Quality quality) {
        List<Long> latencies = burst.stream().map(Answer::millis).sorted().toList();
        long burstTotal = (burst.stream().mapToLong(Answer::answeredNanos).max().orElse(0)
                - burst.stream().mapToLong(Answer::sentNanos).min().orElse(0)) / 1_000_000;
        StringBuilder out = new StringBuilder();
        out.append("Run of ").append(Instant.now().toString(), 0, 16).append(" UTC, load average ")
                .append("%.1f before, %.1f after".formatted(loadBefore, loadAfter)).append("; ")
                .append(requests).append(" NM requests (seed ").append(SEED).append("), ")
                .append(quality.held()).append(" of ").append(quality.capacity()).append(" seats held at the end (")
                .append("%.1f %%".formatted(100.0 * quality.held() / quality.capacity())).append("); rules used ")
                .append(quality.rules()).append(".\n\n");
        out.append("| measure | figure | goal |\n|---|---|---|\n");
        out.append("| seats/s, suite (after the burst, %d in flight; %,d seats in %.1f s) | %,.0f | |\n"
                .formatted(WINDOW, seats, fillMillis / 1000.0, suite));
        out.append("| seats/s, raw fill (JDBC, SKIP LOCKED, 1 seat per tx, %d clients, 60,000 seats) | %,.0f | |\n"
                .formatted(RAW_CLIENTS, raw));
        out.append("| ratio suite / raw | %.2f | ≥ 0.5%s |\n".formatted(suite / raw, suite / raw >= 0.5 ? ""
                : ": **not met**"));
        long p99 = percentile(latencies, 99);
        out.append("| 150-request burst after a cold start: all answered in | %,d ms (p50 %d, p99 %d ms) | p99 < 1 s%s |\n"
                .formatted(burstTotal, percentile(latencies, 50), p99, p99 < 1000 ? "" : ": **not met**"));
        for (Band band : quality.bands()) {
            double share = 100.0 * band.together() / Math.max(1, band.groups());
            out.append("| groups in one block, seated below %d %% occupancy | %.1f %% of %,d (groups of 2+: %.1f %% of %,d) | ≥ 99 %%%s |\n"
                    .formatted(band.percent(), share, band.groups(),
                            100.0 * band.pairsAndMoreTogether() / Math.max(1, band.pairsAndMore()),
                            band.pairsAndMore(), share >= 99 ? "" : ": **not met**"));
        }
        double orphans = 100.0 * quality.singlesAt90() / Math.max(1, quality.freeAt90());
        out.append("| single orphan seats at 90 %% occupancy, share of free seats | %.2f %% (%,d of %,d) | < 1 %%%s |\n"
                .formatted(orphans, quality.singlesAt90(), quality.freeAt90(), orphans < 1 ? "" : ": **not met**"));
        return out.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1);
        return sorted.get(Math.max(0, index));
    }
}
