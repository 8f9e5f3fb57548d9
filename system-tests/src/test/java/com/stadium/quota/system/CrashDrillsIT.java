package com.stadium.quota.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.ImportFiles;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Crash and outage drills (issue 17, item 2) on the real stack with the packaged services: a service killed with
 * SIGKILL in the middle of its work and started again, Kafka stopped for 30 s (-Ddrills.kafka-outage-seconds),
 * PostgreSQL restarted under load. Each drill counts what it sent and what arrived (lost, duplicated) and says so in
 * its assertion message; the counts also go to system-tests/target/drills.md, the source of the table in
 * docs/reliability.md. Every drill leaves the services and the stack running (in finally), so the other system tests
 * find them as before.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashDrillsIT {

    private static final String CALLBACK_SECRET = "sandbox-local-secret";

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** The 30 s, also in the CI run; shorter only by hand (-Ddrills.kafka-outage-seconds=10) while working. */
    private static final long KAFKA_OUTAGE_MS = Long.getLong("drills.kafka-outage-seconds", 30) * 1000;

    private static String admin() {
        return Tokens.of(Tokens.ADMIN);
    }

    @Test
    @Order(1)
    void allocationServiceKilledInTheMiddleOfABurst() {
        long match = PortalData.match(1);
        int burst = 150;
        Burst requests = new Burst();
        List<String> quotas = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch halfway = new CountDownLatch(burst / 3);
        AtomicInteger answeredBeforeKill = new AtomicInteger(-1);
        AtomicInteger allocatedBeforeKill = new AtomicInteger(-1);
        ExecutorService crasher = Executors.newSingleThreadExecutor();
        long[] downMs = new long[1];
        Future<?> crash = crasher.submit(() -> {
            halfway.await();
            long start = System.nanoTime();
            answeredBeforeKill.set(quotas.size());
            allocatedBeforeKill.set((int) ServiceDatabase.QUOTA.count(
                    "select count(*) from quota where id = any(?) and state <> 'PENDING_ALLOCATION'",
                    List.copyOf(quotas)));
            RunningSuite.crash(Service.ALLOCATION);
            RunningSuite.restart(Service.ALLOCATION);
            downMs[0] = (System.nanoTime() - start) / 1_000_000;
            return null;
        });
        try {
            requests.run(burst, 6, i -> {
                Response response = Burst.request().auth().oauth2(admin()).contentType(ContentType.JSON)
                        .body(Map.of("holderEmail", "drill-a-" + RUN + "-" + i + "@sponsor.example",
                                "holderName", "Ada Drill", "matchIds", List.of(match),
                                "sectors", List.of("SU1", "SU2"), "quantity", 2, "algorithm", "NM"))
                        .post(Service.QUOTA.url() + "/api/admin/quotas");
                if (response.statusCode() == 201) {
                    quotas.add(response.path("quotas[0].id"));
                }
                halfway.countDown();
                return response;
            });
            crash.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the drill did not run: " + e.getMessage(), e);
        } finally {
            crasher.shutdownNow();
            restartIfDown(Service.ALLOCATION);
        }

        await("no quota of the burst PENDING_ALLOCATION").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> ServiceDatabase.QUOTA.count(
                        "select count(*) from quota where id = any(?) and state = 'PENDING_ALLOCATION'", quotas) == 0);
        Map<String, Long> states = ServiceDatabase.QUOTA.rows(
                "select state, count(*) n from quota where id = any(?) group by state", quotas).stream()
                .collect(Collectors.toMap(r -> (String) r.get("state"), r -> ((Number) r.get("n")).longValue()));
        long pending = states.getOrDefault("PENDING_ALLOCATION", 0L);
        long allocated = states.getOrDefault("ALLOCATED", 0L);
        // what allocation-service holds for these quotas, and from how many requests
        ServiceDatabase.Holds holds = ServiceDatabase.holds(quotas, 2);
        long seatsHeld = holds.seats();
        long heldTwice = holds.heldTwice();
        long lost = holds.lost();
        // the two services agree seat by seat: every ticket is a hold of the same seat for the same quota
        long disagreeing = ServiceDatabase.ticketsDisagreeingWithHolds(quotas);
        long seatsInTwoTickets = ServiceDatabase.QUOTA.count("""
                select count(*) from (select match_id, seat_id from ticket where status <> 'CANCELLED'
                 group by match_id, seat_id having count(*) > 1) twice""");

        String counted = "requests %s; quotas created %d (answered before the kill %d, allocated before it %d),"
                + " ALLOCATED %d, still PENDING_ALLOCATION %d; seats held %d of %d asked; lost %d, held twice %d,"
                + " seats in two tickets %d, tickets that disagree with allocation-service's holds %d;"
                + " allocation-service down and back in %d ms";
        counted = counted.formatted(requests, quotas.size(), answeredBeforeKill.get(), allocatedBeforeKill.get(),
                allocated, pending, seatsHeld, quotas.size() * 2L, lost, heldTwice, seatsInTwoTickets, disagreeing,
                downMs[0]);
        report("a. kill -9 allocation-service mid-burst", counted);
        assertThat(requests.answered(201)).as(counted).isEqualTo(burst);
        assertThat(allocatedBeforeKill.get()).as("the kill came in the middle: " + counted).isLessThan(burst);
        assertThat(List.of(allocated, pending, lost, heldTwice, seatsInTwoTickets, disagreeing)).as(counted)
                .containsExactly((long) burst, 0L, 0L, 0L, 0L, 0L);
    }

    @Test
    @Order(2)
    void quotaServiceKilledWhileClaimsAndPaymentsAreInFlight() throws Exception {
        long match = PortalData.match(1);
        String holderEmail = "drill-b-" + RUN + "@sponsor.example";
        String holder = Tokens.holder(holderEmail);
        int flows = 24;
        List<String> quotas = allocatedQuotas(flows, Map.of("holderEmail", holderEmail, "holderName", "Bea Drill",
                "matchIds", List.of(match), "sectors", List.of("SU3"), "quantity", 2, "discountPercent", 20,
                "algorithm", "NM"));

        // each flow: select both tickets, name the attendees, start the payment; every other one also pays at once
        Map<String, String> paymentOfQuota = new ConcurrentHashMap<>();
        AtomicInteger paymentsStarted = new AtomicInteger();
        CountDownLatch someStarted = new CountDownLatch(flows / 3);
        Burst steps = new Burst();
        ExecutorService crasher = Executors.newSingleThreadExecutor();
        Future<?> crash = crasher.submit(() -> {
            someStarted.await();
            RunningSuite.crash(Service.QUOTA);
            return null;
        });
        Set<String> paidWhileDown = ConcurrentHashMap.newKeySet();
        Burst callbacksWhileDown = new Burst();
        Burst callbacksAfter = new Burst();
        try {
            steps.run(flows, 6, i -> claimFlow(holder, quotas.get(i), i % 2 == 0, paymentOfQuota,
                    paymentsStarted, someStarted));
            crash.get(1, TimeUnit.MINUTES);
            // the payment service answers the payments it knows while quota-service is down: nobody takes the call
            paymentOfQuota.forEach((quota, payment) -> {
                callbacksWhileDown.send(() -> callback(payment, "PAID"));
                paidWhileDown.add(payment);
            });
        } finally {
            crasher.shutdownNow();
            restartIfDown(Service.QUOTA);
        }
        // a payment the test did not learn of (the kill cut the answer or the payer off) is answered too, as the
        // provider would; one not started at the provider yet is posted again by the holder (same idempotency key)
        for (Map<String, Object> claim : ServiceDatabase.QUOTA.rows("""
                select id, quota_id, payment_id from claim where quota_id = any(?) and step = 'PAYMENT_PENDING'""",
                quotas)) {
            String quota = claim.get("quota_id").toString();
            if (!paymentOfQuota.containsKey(quota) && claim.get("payment_id") != null) {
                paymentOfQuota.put(quota, (String) claim.get("payment_id"));
            } else if (!paymentOfQuota.containsKey(quota)) {
                String url = Burst.request().auth().oauth2(holder).post(Service.QUOTA.url() + "/api/holder/quotas/"
                        + quota + "/claims/" + claim.get("id") + "/payment").then().statusCode(200).extract()
                        .path("paymentUrl");
                paymentOfQuota.put(quota, url.substring(url.lastIndexOf('/') + 1));
            }
        }
        // the provider retries: PAID for those it told during the outage, FAILED for the rest; a repeat changes nothing
        paymentOfQuota.forEach((quota, payment) -> callbacksAfter.send(() -> callback(payment,
                paidWhileDown.contains(payment) ? "PAID" : "FAILED")));
        paidWhileDown.forEach(payment -> callbacksAfter.send(() -> callback(payment, "PAID")));

        // claims cut off before their payment hold their tickets until the hold lapses (30 s in the system tests):
        // brought to now, so quota-service's expiry job (every second here) releases them without the wait
        long lapsed = ServiceDatabase.lapseHolds(quotas, Duration.ZERO);
        await("no claim of the drill half-done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ServiceDatabase.QUOTA.count("""
                        select count(*) from claim where quota_id = any(?)
                         and step not in ('COMPLETED', 'RELEASED')""", quotas) == 0);
        Map<String, Long> tickets = ServiceDatabase.QUOTA.rows(
                "select status, count(*) n from ticket where quota_id = any(?) group by status", quotas).stream()
                .collect(Collectors.toMap(r -> (String) r.get("status"), r -> ((Number) r.get("n")).longValue()));
        Map<String, Long> claims = ServiceDatabase.QUOTA.rows(
                "select step, count(*) n from claim where quota_id = any(?) group by step", quotas).stream()
                .collect(Collectors.toMap(r -> (String) r.get("step"), r -> ((Number) r.get("n")).longValue()));
        long soldOutsideACompletedClaim = ServiceDatabase.QUOTA.count("""
                select count(*) from ticket t left join claim c on c.id = t.claim_id
                 where t.quota_id = any(?) and t.status = 'SOLD' and (c.step is null or c.step <> 'COMPLETED')""",
                quotas);
        long sold = tickets.getOrDefault("SOLD", 0L);
        long expectedSold = 2L * claims.getOrDefault("COMPLETED", 0L);
        long paidOnRetry = ServiceDatabase.QUOTA.count(
                "select count(*) from claim where payment_id = any(?) and step = 'COMPLETED'",
                List.copyOf(paidWhileDown));
        await("allocation-service told of every sale").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> ServiceDatabase.ALLOCATION.count(
                        "select count(*) from seat_hold where quota_id = any(?) and status = 'SOLD'", quotas) == sold);
        long soldAtAllocation = ServiceDatabase.ALLOCATION.count(
                "select count(*) from seat_hold where quota_id = any(?) and status = 'SOLD'", quotas);

        String counted = ("claim flows (last answer of each) %s; payments started %d; callbacks while down %s, on"
                + " retry %s (each PAID answer sent twice), their claims COMPLETED %d of %d; claims %s; tickets %s;"
                + " SOLD %d (2 per completed claim: %d), SOLD outside a completed claim %d, SOLD at"
                + " allocation-service %d; RESERVED left %d; claims cut off before payment, hold brought to now %d")
                .formatted(steps, paymentsStarted.get(), callbacksWhileDown, callbacksAfter, paidOnRetry,
                        paidWhileDown.size(), claims, tickets, sold, expectedSold, soldOutsideACompletedClaim,
                        soldAtAllocation, tickets.getOrDefault("RESERVED", 0L), lapsed);
        report("b. kill -9 quota-service mid-claim and mid-payment", counted);
        assertThat(steps.unanswered()).as("the kill cut claims off: " + counted).isPositive();
        assertThat(callbacksWhileDown.unanswered()).as(counted).isEqualTo(callbacksWhileDown.sent());
        assertThat(callbacksAfter.answered(200)).as(counted).isEqualTo(callbacksAfter.sent());
        assertThat(paidOnRetry).as(counted).isEqualTo(paidWhileDown.size());
        assertThat(steps.leakedServerErrors() + callbacksAfter.leakedServerErrors()).as(counted).isZero();
        assertThat(List.of(sold, soldOutsideACompletedClaim, soldAtAllocation, tickets.getOrDefault("RESERVED", 0L)))
                .as(counted).containsExactly(expectedSold, 0L, expectedSold, 0L);
    }

    /** {@code count} quotas made from one request body, once all are ALLOCATED; their ids. */
    private static List<String> allocatedQuotas(int count, Map<String, Object> request) {
        List<String> quotas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            quotas.add(Burst.request().auth().oauth2(admin()).contentType(ContentType.JSON).body(request)
                    .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract()
                    .path("quotas[0].id"));
        }
        await("the drill's quotas allocated").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> ServiceDatabase.QUOTA.count(
                        "select count(*) from quota where id = any(?) and state = 'ALLOCATED'", quotas) == count);
        return quotas;
    }

    /** One holder's claim of both tickets of a quota, as far as it gets; the last answer. */
    private static Response claimFlow(String holder, String quota, boolean payAtOnce,
            Map<String, String> paymentOfQuota, AtomicInteger paymentsStarted, CountDownLatch someStarted) {
        String claims = Service.QUOTA.url() + "/api/holder/quotas/" + quota + "/claims";
        {
            List<String> ticketIds = Burst.request().auth().oauth2(holder).get(Service.QUOTA.url()
                    + "/api/holder/quotas/" + quota).then().extract().jsonPath().getList("tickets.id", String.class);
            Response claimed = Burst.request().auth().oauth2(holder).contentType(ContentType.JSON)
                    .body(Map.of("ticketIds", ticketIds)).post(claims);
            if (claimed.statusCode() != 201) {
                return claimed;
            }
            String claim = claimed.path("id");
            Response named = Burst.request().auth().oauth2(holder).contentType(ContentType.JSON)
                    .body(Map.of("attendees", List.of(
                            Map.of("ticketId", ticketIds.get(0), "name", "Bea Drill", "email", "bea@drill.example"),
                            Map.of("ticketId", ticketIds.get(1), "name", "Ben Drill", "email", "ben@drill.example"))))
                    .put(claims + "/" + claim + "/attendees");
            if (named.statusCode() != 200) {
                return named;
            }
            Response payment = Burst.request().auth().oauth2(holder).post(claims + "/" + claim + "/payment");
            if (payment.statusCode() != 200) {
                return payment;
            }
            String url = payment.path("paymentUrl");
            paymentsStarted.incrementAndGet();
            someStarted.countDown();
            if (payAtOnce) {
                // the payer pays at the provider (the sandbox in quota-service): it may be killed right then
                return Burst.request().post(url + "/succeed");
            }
            paymentOfQuota.put(quota, url.substring(url.lastIndexOf('/') + 1));
            return payment;
        }
    }

    /** The payment service's signed answer for a payment, as it posts it. */
    private static Response callback(String paymentId, String status) {
        String body = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"" + status + "\"}";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            return Burst.request().header("Payment-Signature", signature).contentType(ContentType.JSON).body(body)
                    .post(Service.QUOTA.url() + "/api/payments/callback");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void kafkaStoppedDuringClaimsQuotaChangesAndAnImport() throws Exception {
        List<Long> matches = Burst.request().auth().oauth2(admin()).get(Service.ALLOCATION.url() + "/api/matches")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class).stream().sorted().limit(3)
                .toList();
        long match = matches.get(2);
        String holderEmail = "drill-c-" + RUN + "@sponsor.example";
        String holder = Tokens.holder(holderEmail);
        int claimsDuring = 40;
        int quotasDuring = 200;
        // free tickets, so a claim completes without a payment: each sale must reach allocation-service
        List<String> claimable = allocatedQuotas(claimsDuring, Map.of("holderEmail", holderEmail, "holderName",
                "Cleo Drill", "matchIds", List.of(match), "sectors", List.of("NU1"), "quantity", 1,
                "discountPercent", 100, "algorithm", "NM"));

        Burst requests = new Burst();
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        Set<Service> notReady = ConcurrentHashMap.newKeySet();
        String importId;
        long outageMs;
        long start = System.nanoTime();
        Infra.down("kafka");
        try {
            await("readiness DOWN without Kafka").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        for (Service service : Service.values()) {
                            if (!RunningSuite.isReady(service)) {
                                notReady.add(service);
                            }
                        }
                        return notReady.contains(Service.QUOTA) && notReady.contains(Service.ALLOCATION);
                    });
            requests.run(quotasDuring + claimsDuring, 6, i -> {
                if (i % 6 == 5 && i / 6 < claimsDuring) {
                    return claimFree(holder, claimable.get(i / 6));
                }
                Response response = Burst.request().auth().oauth2(admin()).contentType(ContentType.JSON)
                        .body(Map.of("holderEmail", "drill-c-" + RUN + "-" + i + "@sponsor.example",
                                "holderName", "Carl Drill", "matchIds", List.of(match), "sectors", List.of("NU2"),
                                "quantity", 1, "algorithm", "NM"))
                        .post(Service.QUOTA.url() + "/api/admin/quotas");
                if (response.statusCode() == 201) {
                    created.add(response.path("quotas[0].id"));
                }
                return response;
            });
            Response uploaded = requests.send(() -> Burst.request().auth().oauth2(admin()).contentType("text/csv")
                    .body(ImportFiles.fiftyLines(matches, "drill-c-" + RUN)).queryParam("fileName", "drill.csv")
                    .post(Service.QUOTA.url() + "/api/admin/imports"));
            importId = uploaded.path("id");
            requests.send(() -> Burst.request().auth().oauth2(admin()).contentType(ContentType.JSON).body("{}")
                    .post(Service.QUOTA.url() + "/api/admin/imports/{id}/confirm", importId));
            long left = KAFKA_OUTAGE_MS - (System.nanoTime() - start) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left); // the outage lasts as long however fast the burst was: the length is the drill
            }
        } finally {
            outageMs = (System.nanoTime() - start) / 1_000_000;
            Infra.up("kafka");
        }
        await("every service ready again, without a restart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> List.of(Service.values()).stream()
                        .allMatch(RunningSuite::isReady));
        long recoveredMs = (System.nanoTime() - start) / 1_000_000 - outageMs;
        await("every quota created during the outage allocated").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).until(() -> ServiceDatabase.QUOTA.count(
                        "select count(*) from quota where id = any(?) and state = 'PENDING_ALLOCATION'", created) == 0);
        await("the import allocated").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Burst.request().auth().oauth2(admin()).get(Service.QUOTA.url() + "/api/admin/imports/{id}",
                        importId).then().statusCode(200).extract().jsonPath().getBoolean("progress.done"));
        long sold = ServiceDatabase.QUOTA.count(
                "select count(*) from ticket where quota_id = any(?) and status = 'SOLD'", claimable);
        await("every sale during the outage known to allocation-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> ServiceDatabase.ALLOCATION.count(
                        "select count(*) from seat_hold where quota_id = any(?) and status = 'SOLD'", claimable)
                        == sold);

        long allocated = ServiceDatabase.QUOTA.count(
                "select count(*) from quota where id = any(?) and state = 'ALLOCATED'", created);
        long heldTwice = ServiceDatabase.ALLOCATION.count("""
                select count(*) from (select quota_id from seat_hold where quota_id = any(?) group by quota_id
                 having count(*) > 1 or count(distinct request_id) > 1) twice""", created);
        var imported = Burst.request().auth().oauth2(admin()).get(Service.QUOTA.url() + "/api/admin/imports/{id}",
                importId).then().statusCode(200).extract().jsonPath();
        String counted = ("Kafka down %d ms, services ready again %d ms later (not ready while down: %s); requests"
                + " during the outage %s; quotas created %d, ALLOCATED %d, lost %d, held twice %d; claims completed"
                + " (tickets SOLD) %d of %d, known SOLD at allocation-service %d; import %s, quotas allocated %d of"
                + " %d").formatted(outageMs, recoveredMs, notReady, requests, created.size(), allocated,
                        created.size() - allocated, heldTwice, sold, claimsDuring, sold, imported.getString("status"),
                        imported.getInt("progress.quotasAllocated"), imported.getInt("progress.quotasCreated"));
        report("c1. Kafka stopped for " + KAFKA_OUTAGE_MS / 1000 + " s", counted);
        assertThat(notReady).as(counted).contains(Service.QUOTA, Service.ALLOCATION, Service.NOTIFICATION);
        assertThat(requests.leakedServerErrors() + requests.unanswered()).as(counted).isZero();
        assertThat(created).as(counted).hasSize(quotasDuring);
        assertThat(List.of(allocated, heldTwice, sold)).as(counted)
                .containsExactly((long) quotasDuring, 0L, (long) claimsDuring);
        assertThat(imported.getInt("progress.quotasAllocated")).as(counted).isEqualTo(70);
    }

    /** Claims the free ticket of a quota and names its attendee (no payment: it is SOLD then); the last answer. */
    private static Response claimFree(String holder, String quota) {
        String claims = Service.QUOTA.url() + "/api/holder/quotas/" + quota + "/claims";
        String ticket = Burst.request().auth().oauth2(holder).get(Service.QUOTA.url() + "/api/holder/quotas/" + quota)
                .then().extract().path("tickets[0].id");
        Response claimed = Burst.request().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", List.of(ticket))).post(claims);
        if (claimed.statusCode() != 201) {
            return claimed;
        }
        return Burst.request().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("attendees", List.of(Map.of("ticketId", ticket, "name", "Cleo Drill",
                        "email", "cleo@drill.example")))).put(claims + "/" + claimed.path("id") + "/attendees");
    }

    @Test
    @Order(4)
    void postgresRestartedUnderLoad() throws Exception {
        long match = PortalData.match(2);
        String holder = Tokens.holder("drill-c-" + RUN + "@sponsor.example");
        Burst requests = new Burst();
        Map<String, Integer> createdBy = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.execute(() -> {
                while (loading.get()) {
                    int i = sequence.incrementAndGet();
                    String email = "drill-pg-" + RUN + "-" + i + "@sponsor.example";
                    Response response = requests.send(() -> switch (i % 4) {
                        case 0 -> Burst.request().auth().oauth2(admin()).contentType(ContentType.JSON)
                                .body(Map.of("holderEmail", email, "holderName", "Pia Drill", "matchIds",
                                        List.of(match), "sectors", List.of("NU3"), "quantity", 1, "algorithm", "NM"))
                                .post(Service.QUOTA.url() + "/api/admin/quotas");
                        case 1 -> Burst.request().auth().oauth2(admin()).get(Service.QUOTA.url()
                                + "/api/admin/quotas?size=5");
                        case 2 -> Burst.request().auth().oauth2(holder).get(Service.QUOTA.url()
                                + "/api/holder/quotas");
                        default -> Burst.request().auth().oauth2(admin()).get(Service.ALLOCATION.url()
                                + "/api/matches/{id}/availability", match);
                    });
                    if (response != null && i % 4 == 0) {
                        createdBy.put(email, response.statusCode());
                    }
                }
            });
        }
        Set<Service> notReady = ConcurrentHashMap.newKeySet();
        long downMs;
        long readyAgainMs;
        try {
            Thread.sleep(1500); // load before the outage
            long start = System.nanoTime();
            Infra.down("postgres");
            try {
                await("readiness DOWN without PostgreSQL").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200)).until(() -> {
                            for (Service service : List.of(Service.QUOTA, Service.ALLOCATION, Service.NOTIFICATION)) {
                                if (!RunningSuite.isReady(service)) {
                                    notReady.add(service);
                                }
                            }
                            return notReady.size() == 3;
                        });
                Thread.sleep(2000); // the load meets a database that is down
            } finally {
                Infra.up("postgres");
                downMs = (System.nanoTime() - start) / 1_000_000;
            }
            await("every service ready again, without a restart").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> List.of(Service.values()).stream()
                            .allMatch(RunningSuite::isReady));
            readyAgainMs = (System.nanoTime() - start) / 1_000_000 - downMs;
            Thread.sleep(1500); // load after the recovery
        } finally {
            loading.set(false);
            load.shutdown();
            load.awaitTermination(1, TimeUnit.MINUTES);
        }

        List<String> answered201 = createdBy.entrySet().stream().filter(e -> e.getValue() == 201)
                .map(Map.Entry::getKey).toList();
        List<String> refused = createdBy.entrySet().stream().filter(e -> e.getValue() != 201)
                .map(Map.Entry::getKey).toList();
        await("every quota created under load allocated").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> ServiceDatabase.QUOTA.count("""
                        select count(*) from quota where lower(holder_email) = any(?)
                         and state = 'ALLOCATED'""", answered201) == answered201.size());
        long madeThoughRefused = ServiceDatabase.QUOTA.count(
                "select count(*) from quota where lower(holder_email) = any(?)", refused);
        String counted = ("PostgreSQL down and up in %d ms, services ready again %d ms later (not ready while down:"
                + " %s); requests %s; quotas answered 201: %d, all ALLOCATED; refused: %d, of them created anyway %d")
                .formatted(downMs, readyAgainMs, notReady, requests, answered201.size(), refused.size(),
                        madeThoughRefused);
        report("c2. PostgreSQL restarted under load", counted);
        assertThat(notReady).as(counted).containsExactlyInAnyOrder(Service.QUOTA, Service.ALLOCATION,
                Service.NOTIFICATION);
        assertThat(requests.leakedServerErrors()).as("no 500 leaked, a failure is a retryable 503: " + counted)
                .isZero();
        assertThat(requests.answered(503)).as("the outage was met: " + counted).isPositive();
        assertThat(madeThoughRefused).as(counted).isZero();
    }

    @Test
    @Order(5)
    void notificationAdapterKilledMidBatch() throws Exception {
        int messages = 150;
        String prefix = "drill-d-" + RUN + "-";
        Burst requests = new Burst();
        AtomicInteger sentBeforeKill = new AtomicInteger(-1);
        long started = System.nanoTime();
        long[] killedAfterMs = {-1};
        ExecutorService crasher = Executors.newSingleThreadExecutor();
        Future<?> crash = crasher.submit(() -> {
            await("a third of the messages mailed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> sentMails(prefix) >= messages / 3);
            sentBeforeKill.set((int) sentMails(prefix));
            killedAfterMs[0] = (System.nanoTime() - started) / 1_000_000;
            RunningSuite.crash(Service.NOTIFICATION);
            RunningSuite.restart(Service.NOTIFICATION);
            return null;
        });
        try {
            requests.run(messages, 6, i -> Burst.request().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(Map.of("recipientEmail", prefix + i + "@club.example", "note", "drill d"))
                    .post(Service.QUOTA.url() + "/api/admin/test-messages"));
            crash.get(3, TimeUnit.MINUTES);
        } finally {
            crasher.shutdownNow();
            restartIfDown(Service.NOTIFICATION);
        }
        await("every message recorded as sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> sentMails(prefix) == messages);
        // late copies would show up meanwhile (the dispatcher looks for due mail every 250 ms in the tests)
        Thread.sleep(1500);
        Map<Integer, Long> copies = new java.util.TreeMap<>();
        Map<Integer, Long> messagesPerPerson = new java.util.TreeMap<>();
        for (int i = 0; i < messages; i++) {
            List<Map<String, Object>> mails = Mailbox.messagesFor(prefix + i + "@club.example");
            copies.merge(mails.size(), 1L, Long::sum);
            // a copy re-sent after the kill carries the first one's Message-ID: one message to a mailbox
            messagesPerPerson.merge((int) mails.stream().map(m -> messageId((String) m.get("mimeMessage")))
                    .filter(Objects::nonNull).distinct().count(), 1L, Long::sum);
        }
        long received = copies.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        long lost = copies.getOrDefault(0, 0L);
        long duplicated = copies.entrySet().stream().filter(e -> e.getKey() > 1)
                .mapToLong(e -> (e.getKey() - 1) * e.getValue()).sum();
        long distinctMessages = messagesPerPerson.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        String counted = ("requests %s; recorded as sent before the kill %d (killed %d ms after the first request);"
                + " mails received %d for %d people, lost %d, duplicated %d (people by copies received: %s); distinct"
                + " Message-IDs %d (people by distinct Message-IDs: %s)").formatted(requests, sentBeforeKill.get(),
                        killedAfterMs[0], received, messages, lost, duplicated, copies, distinctMessages,
                        messagesPerPerson);
        report("d. kill -9 notification-adapter mid-batch", counted);
        assertThat(sentBeforeKill.get()).as("the kill came in the middle: " + counted).isLessThan(messages);
        assertThat(lost).as(counted).isZero();
        // SMTP has no transaction: the one mail handed over when the kill came may go again (docs/decisions.md)
        assertThat(duplicated).as(counted).isLessThanOrEqualTo(1L);
        // ... as the same message: each person has exactly one Message-ID, so a mailbox that dedupes shows one mail
        assertThat(messagesPerPerson).as("each person gets each message exactly once: " + counted)
                .isEqualTo(Map.of(1, (long) messages));
    }

    /** The Message-ID header of a received mail as GreenMail keeps it (its REST API has no field for it). */
    private static String messageId(String mime) {
        java.util.regex.Matcher header = MESSAGE_ID.matcher(mime);
        return header.find() ? header.group(1) : null;
    }

    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile(
            "(?im)^Message-ID:\\s*(<[^>]+>)");

    private static long sentMails(String prefix) {
        return ServiceDatabase.NOTIFICATION.count(
                "select count(*) from notification where recipient_email like ? and status = 'SENT'", prefix + "%");
    }


    /** A drill that failed half-way still leaves the service running for the tests after it. */
    private static void restartIfDown(Service service) {
        if (!RunningSuite.isAlive(service)) {
            RunningSuite.restart(service);
        }
    }

    /** Adds the drill's counts to system-tests/target/drills.md (the source of docs/reliability.md's table). */
    private static void report(String drill, String counted) {
        System.out.println("DRILL " + drill + ": " + counted);
        Path file = Path.of(System.getProperty("suite.root", "..")).resolve("system-tests/target/drills.md");
        try {
            Files.writeString(file, "| " + drill + " | " + counted + " |\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
