package com.stadium.quota.benchmarks;

import static com.stadium.quota.benchmarks.SuiteHttp.expect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Claims under load beside the database's own limit (issue 16, item 1), against the running suite (./suite start):
 * closed loops of "claim one ticket, then give the claim up" on one hot quota of 40 tickets and on 1,000 quotas of one
 * ticket each, at 16 and 64 clients; back to back with raw JDBC transactions of the same shape on scratch tables in
 * the same PostgreSQL server. After each suite run the database must show no ticket over-allocated. Quotas are made
 * through the admin API for the demo holder and cancelled at the end ({@code -Dkeep=true}: kept, and used again by the
 * next run); the scratch tables are dropped. {@code -Dwrite=true} puts the table into docs/benchmarks.md between its claims-under-load markers.
 * <p>
 * {@code -Dinstances=1,2} (issue 20, item 5; against {@code ./suite start --replicas 2}) runs each suite load once with
 * every client on the first quota-service and once with the clients alternating over both, beside the same raw
 * baseline, and writes its own table (claims-scale-out markers).
 */
public final class ClaimsUnderLoad {

    private static final int SECONDS = Integer.getInteger("seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 30);
    private static final int SPREAD = Integer.getInteger("spread", 1000);
    private static final int HOT_TICKETS = 40;
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("clients", "16,64").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final boolean WRITE = Boolean.getBoolean("write");
    private static final int[] INSTANCES = Arrays.stream(System.getProperty("instances", "1").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final List<String> QUOTA_URLS = List.of(DevSuite.QUOTA, DevSuite.QUOTA_SECOND);
    // every quota-service instance that runs: its CPU is the service's, whichever instance a client reaches
    private static final List<String> SERVICE_PIDS = List.of(
            System.getProperty("quotaPidFile", "../.work/dev/run/quota-service.pid"),
            System.getProperty("quotaPidFile2", "../.work/dev/run/quota-service#2.pid"));
    private static final String HOLDER_EMAIL = "holder@club.example";
    // the holder name marks the benchmark's quotas, so -Dkeep=true can use them again (and leaves them)
    private static final String HOLDER_NAME = "Claims Under Load";
    private static final boolean KEEP = Boolean.getBoolean("keep");

    private final ObjectMapper json = new ObjectMapper();
    private final SuiteHttp tokens = new SuiteHttp(DevSuite.KEYCLOAK);
    // HTTP/1.1 with a connection per client, as a browser or the app talks to the service
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<UUID> made = new ArrayList<>();
    private String admin;
    private String holder;

    /** What one closed-loop run measured (instances 0: the raw baseline); the machine's load average after it. */
    record Result(String load, int clients, int instances, double opsPerSecond, double wonPerSecond, long conflicts,
            long errors, double p50, double p95, double p99, String check, double cpuMsPerOp, double loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        new ClaimsUnderLoad().run();
    }

    private void run() throws Exception {
        admin = tokens.token("admin", "admin");
        holder = tokens.token("holder", "holder");
        long match = json.readTree(expect(200, http(admin, "GET", DevSuite.ALLOCATION + "/api/matches", null))).get(0)
                .path("id").asLong();
        List<Result> results = new ArrayList<>();
        String load;
        try (Connection db = DriverManager.getConnection(DevSuite.DB, DevSuite.DB_USER, DevSuite.DB_PASSWORD)) {
            System.out.printf("setting up: 1 hot quota of %d tickets and %d quotas of 1 ticket (admin API)%n",
                    HOT_TICKETS, SPREAD);
            List<UUID> hots = KEEP ? kept(db, HOT_TICKETS, 1) : List.of();
            UUID hot = hots.isEmpty() ? create(match, HOT_TICKETS, 1).get(0) : hots.get(0);
            List<UUID> spread = new ArrayList<>(KEEP ? kept(db, 1, SPREAD) : List.of());
            spread.addAll(create(match, 1, SPREAD - spread.size()));
            awaitAllocated(db);
            List<Target> hotTargets = targets(db, List.of(hot));
            List<Target> spreadTargets = targets(db, spread);
            if (hotTargets.size() != HOT_TICKETS || spreadTargets.size() != SPREAD) {
                throw new IllegalStateException("allocated " + hotTargets.size() + " hot and "
                        + spreadTargets.size() + " spread tickets");
            }
            Raw raw = new Raw(SPREAD);
            try {
                System.out.printf("warm-up: %d s of hot and spread claims at 16 clients, not counted%n",
                        WARMUP_SECONDS);
                int allInstances = Arrays.stream(INSTANCES).max().orElse(1);
                suite("warm-up", hotTargets, 16, WARMUP_SECONDS / 2, db, allInstances);
                suite("warm-up", spreadTargets, 16, WARMUP_SECONDS / 2, db, allInstances);
                raw.run("warm-up", true, 16, 2);
                double loadBefore = BenchmarkDocs.loadAverage();
                for (int clients : CLIENTS) {
                    for (boolean oneQuota : new boolean[] {true, false}) {
                        String shape = oneQuota ? "hot" : "spread";
                        for (int instances : INSTANCES) {
                            results.add(suite(shape, oneQuota ? hotTargets : spreadTargets, clients, SECONDS, db,
                                    instances));
                        }
                        results.add(raw.run(shape, oneQuota, clients, SECONDS));
                    }
                }
                load = "%.1f before, %.1f after".formatted(loadBefore, BenchmarkDocs.loadAverage());
            } finally {
                raw.drop();
            }
        } finally {
            if (!KEEP) {
                cancelAll();
            }
        }
        boolean scaleOut = INSTANCES.length > 1;
        String table = scaleOut ? scaleOutTable(results, load) : table(results, load);
        System.out.println(table);
        if (WRITE) {
            BenchmarkDocs.write(scaleOut ? "claims-scale-out" : "claims-under-load", table);
        }
    }

    // ---- the suite

    /** One ticket a client may claim: its quota and itself. */
    record Target(UUID quotaId, UUID ticketId) {
    }

    /** Clients alternate over the first {@code instances} quota-services (client n on instance n mod instances). */
    private Result suite(String load, List<Target> targets, int clients, int seconds, Connection db, int instances)
            throws Exception {
        holder = tokens.token("holder", "holder"); // fresh for every run: a run outlasts no token
        Instant from = Instant.now();
        Map<UUID, AtomicInteger> holding = new ConcurrentHashMap<>();
        AtomicInteger doubleHeld = new AtomicInteger();
        long[] counts = new long[4]; // won, released, conflicts, errors
        long cpuBefore = serviceCpuMillis();
        List<long[]> latencies = loop(clients, seconds, (lat, n) -> {
            Target target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            String base = QUOTA_URLS.get(n % instances) + "/api/holder/quotas/" + target.quotaId() + "/claims";
            long start = System.nanoTime();
            HttpResponse<String> claimed = http(holder, "POST", base,
                    "{\"ticketIds\":[\"" + target.ticketId() + "\"]}");
            lat.add(System.nanoTime() - start);
            if (claimed.statusCode() == 409) {
                add(counts, 2);
                return;
            }
            if (claimed.statusCode() != 201) {
                add(counts, 3);
                return;
            }
            add(counts, 0);
            // nobody else may hold the ticket between our 201 and our giving it up
            if (holding.computeIfAbsent(target.ticketId(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                doubleHeld.incrementAndGet();
            }
            String claim = json.readTree(claimed.body()).path("id").asText();
            holding.get(target.ticketId()).decrementAndGet();
            start = System.nanoTime();
            HttpResponse<String> released = http(holder, "DELETE", base + "/" + claim, null);
            lat.add(System.nanoTime() - start);
            add(counts, released.statusCode() == 200 ? 1 : 3);
        });
        long cpu = serviceCpuMillis() - cpuBefore;
        long ops = latencies.stream().mapToLong(l -> l.length).sum();
        String check = overAllocation(db, targets, from, counts[0], counts[1], doubleHeld.get());
        Result result = result(load, clients, instances, ops, counts[0], counts[2],
                counts[3] + (counts[0] - counts[1]), seconds, latencies, check, ops == 0 ? 0 : cpu / (double) ops);
        print("suite ×" + instances, result);
        return result;
    }

    private static synchronized void add(long[] counts, int which) {
        counts[which]++;
    }

    /**
     * From the database after a run. Over-allocated: a ticket two clients held at once (as they saw it), a RESERVED
     * or SOLD ticket whose claim is not open or completed, an open claim with other than its one ticket, or a quota
     * whose tickets no longer number its quantity. Claims a failed call left open (an error instead of 201 or 200)
     * are named apart and given up through the API, so the next run starts with every ticket ALLOCATED.
     */
    private String overAllocation(Connection db, List<Target> targets, Instant from, long won, long released,
            int doubleHeld) throws Exception {
        UUID[] quotas = targets.stream().map(Target::quotaId).distinct().toArray(UUID[]::new);
        long orphaned = count(db, "select count(*) from ticket t where t.quota_id = any(?) and t.status <> 'ALLOCATED' "
                + "and not exists (select 1 from claim c where c.id = t.claim_id and c.step in "
                + "('SELECTED','ATTENDEES_GIVEN','PAYMENT_PENDING','COMPLETED'))", quotas, null);
        long misshapen = count(db, "select count(*) from claim c where c.quota_id = any(?) and c.step in "
                + "('SELECTED','ATTENDEES_GIVEN','PAYMENT_PENDING') and (select count(*) from ticket t "
                + "where t.claim_id = c.id) <> 1", quotas, null);
        long wrongCounts = count(db, "select count(*) from quota q where q.id = any(?) and q.quantity <> "
                + "(select count(*) from ticket t where t.quota_id = q.id and t.status <> 'CANCELLED')", quotas, null);
        long started = count(db, "select count(*) from claim where quota_id = any(?) and created_at >= ?", quotas,
                from);
        List<UUID[]> open = openClaims(db, quotas);
        long over = doubleHeld + orphaned + misshapen + wrongCounts;
        String check = (over == 0 ? "0 over-allocated" : over + " OVER-ALLOCATED")
                + " (%d claims won and %d given up by the clients, %d made in the database; "
                        .formatted(won, released, started)
                + "%d double holds, %d tickets out of a live claim, %d claims not of one ticket, %d quotas miscounted"
                        .formatted(doubleHeld, orphaned, misshapen, wrongCounts)
                + (open.isEmpty() ? ")" : "; %d claims left open by failed calls, now given up)".formatted(open.size()));
        if (over != 0) {
            System.out.println("CHECK FAILED: " + check);
        }
        for (UUID[] claim : open) {
            http(holder, "DELETE", DevSuite.QUOTA + "/api/holder/quotas/" + claim[0] + "/claims/" + claim[1], null);
        }
        return check;
    }

    private static List<UUID[]> openClaims(Connection db, UUID[] quotas) throws SQLException {
        List<UUID[]> open = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select quota_id, id from claim where quota_id = any(?) "
                + "and step in ('SELECTED','ATTENDEES_GIVEN','PAYMENT_PENDING')")) {
            query.setArray(1, db.createArrayOf("uuid", quotas));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    open.add(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)});
                }
            }
        }
        return open;
    }

    private static long count(Connection db, String sql, UUID[] quotas, Instant from) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("uuid", quotas));
            if (from != null) {
                query.setObject(2, java.sql.Timestamp.from(from));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<UUID> create(long match, int quantity, int count) throws Exception {
        String body = """
                {"holderEmail":"%s","holderName":"%s","matchIds":[%d],
                 "sectors":["E1","E2","E3","E4","E5","W1","W2","W3","W4","W5"],"quantity":%d,
                 "discountPercent":50,"algorithm":"NM","allowPartial":false}"""
                .formatted(HOLDER_EMAIL, HOLDER_NAME, match, quantity);
        List<UUID> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UUID>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> {
                    UUID id = UUID.fromString(json.readTree(expect(201, http(admin, "POST",
                            DevSuite.QUOTA + "/api/admin/quotas", body))).path("quotas").get(0).path("id").asText());
                    synchronized (made) {
                        made.add(id);
                    }
                    return id;
                }));
            }
            for (Future<UUID> answer : answers) {
                ids.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        return ids;
    }

    /** Quotas a run with -Dkeep=true left: allocated, with no ticket out of ALLOCATED. */
    private List<UUID> kept(Connection db, int quantity, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select id from quota q where holder_name = ? and "
                + "quantity = ? and state = 'ALLOCATED' and not exists (select 1 from ticket t where t.quota_id = q.id "
                + "and t.status <> 'ALLOCATED') order by created_at limit ?")) {
            query.setString(1, HOLDER_NAME);
            query.setInt(2, quantity);
            query.setInt(3, count);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        synchronized (made) {
            made.addAll(ids);
        }
        return ids;
    }

    private void awaitAllocated(Connection db) throws Exception {
        UUID[] ids = made.toArray(UUID[]::new);
        for (int i = 0; i < 1200; i++) {
            if (count(db, "select count(*) from quota where id = any(?) and state <> 'ALLOCATED'", ids, null) == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the benchmark's quotas were not all ALLOCATED within 2 minutes");
    }

    /** The tickets of the quotas, read from the database (what the holder's quota view lists). */
    private static List<Target> targets(Connection db, List<UUID> quotas) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select quota_id, id from ticket where quota_id = any(?) "
                + "and status = 'ALLOCATED' order by quota_id, id")) {
            query.setArray(1, db.createArrayOf("uuid", quotas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    targets.add(new Target(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
                }
            }
        }
        return targets;
    }

    private void cancelAll() throws Exception {
        System.out.printf("cancelling the %d quotas made%n", made.size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        String token = tokens.token("admin", "admin");
        for (UUID id : made) {
            done.add(pool.submit(() -> http(token, "POST", DevSuite.QUOTA + "/api/admin/quotas/" + id + "/cancel",
                    "{\"scope\":\"ALL_UNUSED\"}")));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private HttpResponse<String> http(String token, String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the raw baseline

    /**
     * The database's own limit for the same work: per transaction, lock one quota row ({@code SELECT … FOR UPDATE}),
     * update one of its 40 tickets, bump the quota's version, commit. A connection per client, as pgbench does.
     */
    private final class Raw {

        private final int quotas;

        Raw(int quotas) throws SQLException {
            this.quotas = quotas;
            try (Connection db = DriverManager.getConnection(DevSuite.DB, DevSuite.DB_USER, DevSuite.DB_PASSWORD);
                    Statement sql = db.createStatement()) {
                drop(sql);
                sql.execute("create table bench_raw_quota (id int primary key, version bigint not null)");
                sql.execute("create table bench_raw_ticket (id int primary key, quota_id int not null, "
                        + "status varchar(16) not null, claim_id uuid, updated_at timestamptz not null, "
                        + "version bigint not null)");
                sql.execute("insert into bench_raw_quota select q, 0 from generate_series(0, " + (quotas - 1)
                        + ") q");
                sql.execute("insert into bench_raw_ticket select q * 40 + t, q, 'ALLOCATED', null, now(), 0 "
                        + "from generate_series(0, " + (quotas - 1) + ") q, generate_series(0, 39) t");
                sql.execute("create index bench_raw_ticket_quota on bench_raw_ticket (quota_id)");
                sql.execute("analyze bench_raw_quota");
                sql.execute("analyze bench_raw_ticket");
            }
        }

        Result run(String load, boolean hot, int clients, int seconds) throws Exception {
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Connection c = DriverManager.getConnection(DevSuite.DB, DevSuite.DB_USER, DevSuite.DB_PASSWORD);
                c.setAutoCommit(false);
                connections.add(c);
            }
            AtomicInteger next = new AtomicInteger();
            ThreadLocal<Connection> mine = ThreadLocal.withInitial(() -> connections.get(next.getAndIncrement()));
            try {
                List<long[]> latencies = loop(clients, seconds, (lat, n) -> {
                    Connection c = mine.get();
                    int quota = hot ? 0 : ThreadLocalRandom.current().nextInt(quotas);
                    int ticket = quota * 40 + ThreadLocalRandom.current().nextInt(40);
                    long start = System.nanoTime();
                    try (PreparedStatement lock = c.prepareStatement(
                            "select version from bench_raw_quota where id = ? for update");
                            PreparedStatement update = c.prepareStatement("update bench_raw_ticket set status = "
                                    + "case when status = 'ALLOCATED' then 'RESERVED' else 'ALLOCATED' end, "
                                    + "claim_id = ?, updated_at = now(), version = version + 1 where id = ?");
                            PreparedStatement bump = c.prepareStatement(
                                    "update bench_raw_quota set version = version + 1 where id = ?")) {
                        lock.setInt(1, quota);
                        lock.executeQuery().close();
                        update.setObject(1, UUID.randomUUID());
                        update.setInt(2, ticket);
                        update.executeUpdate();
                        bump.setInt(1, quota);
                        bump.executeUpdate();
                        c.commit();
                    }
                    lat.add(System.nanoTime() - start);
                });
                long ops = latencies.stream().mapToLong(l -> l.length).sum();
                Result result = result(load, clients, 0, ops, ops, 0, 0, seconds, latencies, "", 0);
                if (!"warm-up".equals(load)) {
                    print("raw     ", result);
                }
                return result;
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }

        void drop() throws SQLException {
            try (Connection db = DriverManager.getConnection(DevSuite.DB, DevSuite.DB_USER, DevSuite.DB_PASSWORD);
                    Statement sql = db.createStatement()) {
                drop(sql);
            }
        }

        private static void drop(Statement sql) throws SQLException {
            sql.execute("drop table if exists bench_raw_ticket");
            sql.execute("drop table if exists bench_raw_quota");
        }
    }

    // ---- closed loops and figures

    /** One operation of a client; adds each timed call's nanoseconds to {@code latencies}. */
    interface Operation {
        void run(Latencies latencies, int client) throws Exception;
    }

    /** A client's own growing list of latencies, no boxing. */
    static final class Latencies {
        private long[] values = new long[4096];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Every client repeats the operation until the time is up; a call still running then finishes. */
    private static List<long[]> loop(int clients, int seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            done.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                while (System.nanoTime() < end) {
                    operation.run(latencies, client);
                }
                return latencies.toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : done) {
            all.add(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static Result result(String load, int clients, int instances, long ops, long won, long conflicts,
            long errors, int seconds, List<long[]> latencies, String check, double cpuMsPerOp) throws Exception {
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(load, clients, instances, ops / (double) seconds, won / (double) seconds, conflicts, errors,
                percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99), check, cpuMsPerOp,
                BenchmarkDocs.loadAverage());
    }

    /**
     * CPU time the running quota-service instances have used so far (user + system, from /proc; 0 for one whose pid
     * file is not there): per operation it says what the service itself spends, whatever else shares the cores.
     */
    private static long serviceCpuMillis() {
        return SERVICE_PIDS.stream().mapToLong(ClaimsUnderLoad::cpuMillis).sum();
    }

    private static long cpuMillis(String pidFile) {
        try {
            String pid = Files.readString(Path.of(pidFile)).strip();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the line, in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (Exception e) {
            return 0;
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void print(String what, Result r) {
        System.out.printf("%s %-7s %2d clients: %7.0f ops/s (%5.0f won/s, %d × 409, %d errors), p50 %6.1f ms, "
                + "p95 %6.1f ms, p99 %6.1f ms%s %s%n", what, r.load(), r.clients(), r.opsPerSecond(), r.wonPerSecond(),
                r.conflicts(), r.errors(), r.p50(), r.p95(), r.p99(),
                r.cpuMsPerOp() == 0 ? "" : ", quota-service CPU %.1f ms/op".formatted(r.cpuMsPerOp()), r.check());
    }



    /**
     * Per load and client count: one quota-service, two (clients alternating), and the raw baseline of the same run;
     * "2 / 1" is what the second instance bought on this machine.
     */
    private static String scaleOutTable(List<Result> results, String load) {
        StringBuilder out = new StringBuilder(runLine(load)).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
        out.append("| load | clients | one quota-service: ops/s; won/s; × 409; p99 ms | two quota-services: ops/s; "
                + "won/s; × 409; p99 ms | 2 / 1 | quota-service CPU per op, one / two (ms) | raw PostgreSQL (tx/s) "
                + "| load average after each (1 / 2 / raw) | over-allocated |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i + 2 < results.size(); i += 3) {
            Result one = results.get(i);
            Result two = results.get(i + 1);
            Result raw = results.get(i + 2);
            boolean clean = one.check().startsWith("0 over-allocated") && two.check().startsWith("0 over-allocated");
            out.append("| %s | %d | %s | %s | %.2f | %.1f / %.1f | %,.0f | %.1f / %.1f / %.1f | %s |\n".formatted(
                    one.load(), one.clients(), cell(one), cell(two), two.opsPerSecond() / one.opsPerSecond(),
                    one.cpuMsPerOp(), two.cpuMsPerOp(), raw.opsPerSecond(), one.loadAfter(), two.loadAfter(),
                    raw.loadAfter(), clean ? "0" : "**" + one.check() + "; " + two.check() + "**"));
        }
        return out.toString();
    }

    private static String runLine(String load) {
        return "Run of " + Instant.now().toString().substring(0, 16) + " UTC, load average " + load + ", " + SECONDS
                + " s per run";
    }

    private static String cell(Result r) {
        return "%,.0f; %,.0f; %,d; %.0f%s".formatted(r.opsPerSecond(), r.wonPerSecond(), r.conflicts(), r.p99(),
                r.errors() == 0 ? "" : "; " + r.errors() + " errors");
    }

    private static String table(List<Result> results, String load) {
        StringBuilder out = new StringBuilder(runLine(load)).append(".\n\n");
        out.append("| load | clients | suite through the API (ops/s; claims won/s; × 409) | p50 / p95 / p99 (ms) "
                + "| quota-service CPU per op (ms) | raw PostgreSQL (tx/s) | raw p99 (ms) | ratio | goal "
                + "| over-allocated |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result suite = results.get(i);
            Result raw = results.get(i + 1);
            double ratio = suite.opsPerSecond() / raw.opsPerSecond();
            double goalRatio = suite.load().equals("hot") ? 0.25 : 0.4;
            double goalP99 = suite.clients() <= 16 ? 100 : 250;
            boolean met = ratio >= goalRatio && suite.p99() <= goalP99;
            out.append("| %s | %d | %,.0f; %,.0f; %,d%s | %.1f / %.1f / %.1f | %.1f | %,.0f | %.1f | %.2f | ≥ %.2f, p99 ≤ %.0f: %s | %s |\n"
                    .formatted(suite.load(), suite.clients(), suite.opsPerSecond(), suite.wonPerSecond(),
                            suite.conflicts(), suite.errors() == 0 ? "" : "; " + suite.errors() + " errors",
                            suite.p50(), suite.p95(), suite.p99(), suite.cpuMsPerOp(), raw.opsPerSecond(), raw.p99(), ratio, goalRatio,
                            goalP99, met ? "met" : "**not met**",
                            suite.check().startsWith("0 over-allocated") ? "0" : "**" + suite.check() + "**"));
        }
        return out.toString();
    }

}
