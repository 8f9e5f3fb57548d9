package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.Tokens;

/**
 * Starts the four packaged services once for all system tests, in the test profile against the test stack, and
 * stops them when the test run ends. Each service's output goes to system-tests/target/&lt;service&gt;.log.
 * notification-adapter sends mail through a {@link RefusingSmtp} in front of the stack's GreenMail.
 */
public class RunningSuite implements BeforeAllCallback {

    /** Where a browser reaches the portal in the system tests (cookies are per host, so always this one). */
    public static final String PORTAL_URL = "http://127.0.0.1:" + TestStack.PORTAL_PORT;

    /**
     * JVM options of the services started here: the quick compiler only (as Quarkus's dev mode) and one GC thread;
     * four services starting at once on two cores wait on the optimising compiler's threads otherwise.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** A service of the suite and the port it listens on in the system tests. */
    public enum Service {
        // the portal's public address is the one browsers use in these tests (deeplinks and sign-in come back here)
        PORTAL("portal-web", TestStack.PORTAL_PORT, "-Dsuite.portal.url=" + PORTAL_URL,
                // each portal instance names itself on every answer (PortalBalancer notes which one answered)
                "-Dquarkus.http.filter.instance.matches=/.*",
                "-Dquarkus.http.filter.instance.header.\"" + PortalBalancer.INSTANCE_HEADER + "\"=1"),
        // a short hold, checked often, so a lapsed hold can be seen in a browser test
        QUOTA("quota-service", TestStack.QUOTA_PORT, "-Dsuite.claim.hold=30s", "-Dsuite.claim.expiry-check=1s"),
        ALLOCATION("allocation-service", TestStack.ALLOCATION_PORT),
        // a bounced mail's retries in 1.4 s, not 7 s, before AdminTrackingIT sees it given up; due reminders looked
        // for every second, so a test can make some due and see them sent (issue 20)
        NOTIFICATION("notification-adapter", TestStack.NOTIFICATION_PORT, "-Dsuite.club.portal-url=" + PORTAL_URL,
                "-Dsuite.delivery.first-retry-delay=PT0.2S", "-Dsuite.reminder.poll-interval=1s");

        final String module;
        final int port;
        final List<String> options;

        Service(String module, int port, String... options) {
            this.module = module;
            this.port = port;
            this.options = List.of(options);
        }

        public String url() {
            return "http://localhost:" + port;
        }

        /** Prometheus text on the test profile's management port (%test.quarkus.management.port: port + 1000). */
        public String metricsUrl() {
            return "http://localhost:" + (port + 1000) + "/q/metrics";
        }
    }

    /** The services of this test run, once started. */
    private static volatile Processes started;

    @Override
    public void beforeAll(ExtensionContext context) {
        started = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Processes.class, key -> Processes.start(), Processes.class);
    }

    /** Sends SIGKILL (what {@code destroyForcibly} does on Linux) and waits until the process is gone. */
    static void killNine(Process process, String what) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + " did not end after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the service as {@code kill -9} would (no shutdown hooks, nothing flushed) and waits until it is gone. */
    public static void crash(Service service) {
        started.crash(service);
    }

    /**
     * Starts a crashed service again on its port with its data kept (the %test profile would wipe its database at
     * start) and waits until it is ready; {@code options} are added to its usual ones.
     */
    public static void restart(Service service, String... options) {
        started.restart(service, List.of(options));
    }

    /** Whether the service's process runs (it may not be ready). */
    public static boolean isAlive(Service service) {
        return started.running.get(service).isAlive();
    }

    /** The receiver every service sends its traces to (an OpenTelemetry collector's stand-in). */
    public static OtlpReceiver traces() {
        return started.traces;
    }

    /** Whether the service's readiness check answers UP right now. */
    public static boolean isReady(Service service) {
        return Processes.ready(service);
    }

    static final class Processes implements ExtensionContext.Store.CloseableResource {
        private final Map<Service, Process> running = new java.util.EnumMap<>(Service.class);
        // notification-adapter mails through it, so a test can make an invitation bounce
        private final RefusingSmtp smtp = new RefusingSmtp();
        // every service exports its spans here, as to a collector in production (issue 19)
        private final OtlpReceiver traces = new OtlpReceiver();

        static Processes start() {
            Processes processes = new Processes();
            Path root = Path.of(System.getProperty("suite.root", ".."));
            try {
                for (Service service : Service.values()) {
                    if (listening(service.port)) {
                        throw new IllegalStateException("port " + service.port + " (for " + service.module
                                + ") is taken: another suite or test run is using it");
                    }
                }
                for (Service service : Service.values()) {
                    processes.running.put(service, processes.launch(root, service, List.of(), false));
                }
                for (Service service : Service.values()) {
                    await("readiness of " + service.module).atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> ready(service));
                }
                await("quota-service knowing allocation-service's matches").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250)).until(Processes::matchesKnown);
                // the first test's messages must not wait for the consumers still joining their groups
                ConsumerGroups.awaitSettled(1);
            } catch (IOException | RuntimeException e) {
                processes.close();
                throw new IllegalStateException("the suite did not start: " + e.getMessage(), e);
            }
            return processes;
        }

        private Process launch(Path root, Service service, List<String> extra, boolean again) throws IOException {
            Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first");
            }
            Path log = root.resolve("system-tests/target/" + service.module + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of("java", "-Xmx384m"));
            command.addAll(QUICK_START);
            command.addAll(List.of("-Dquarkus.profile=test", "-Dquarkus.http.port=" + service.port));
            command.addAll(service.options);
            command.addAll(List.of("-Dquarkus.otel.sdk.disabled=false", "-Dquarkus.otel.exporter.otlp.enabled=true",
                    "-Dquarkus.otel.exporter.otlp.traces.endpoint=" + traces.endpoint(),
                    "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                    "-Dquarkus.otel.bsp.schedule.delay=1s"));
            if (service == Service.NOTIFICATION) {
                command.add("-Dsuite.smtp.port=" + smtp.port());
            }
            if (again) {
                // a restart after a crash keeps what the crashed process wrote
                command.add("-Dquarkus.flyway.clean-at-start=false");
            }
            command.addAll(extra);
            command.addAll(List.of("-jar", jar.toString()));
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
        }

        synchronized void crash(Service service) {
            killNine(running.get(service), service.module);
        }

        synchronized void restart(Service service, List<String> options) {
            if (running.get(service).isAlive()) {
                throw new IllegalStateException(service.module + " is still running: crash it first");
            }
            try {
                running.put(service, launch(Path.of(System.getProperty("suite.root", "..")), service, options, true));
            } catch (IOException e) {
                throw new IllegalStateException(service.module + " did not start again", e);
            }
            await("readiness of " + service.module + " after a restart").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).until(() -> ready(service));
            if (service == Service.QUOTA) {
                await("quota-service knowing allocation-service's matches").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(300)).until(Processes::matchesKnown);
            }
        }

        /** allocation-service announces its matches at start; tests create quotas for them right away. */
        private static boolean matchesKnown() {
            String admin = Tokens.of(Tokens.ADMIN);
            List<Map<String, Object>> announced = given().auth().oauth2(admin).get(Service.ALLOCATION.url()
                    + "/api/matches").then().statusCode(200).extract().jsonPath().getList("$");
            List<Map<String, Object>> known = given().auth().oauth2(admin).get(Service.QUOTA.url()
                    + "/api/admin/matches").then().statusCode(200).extract().jsonPath().getList("$");
            return announced.stream().allMatch(m -> known.stream().anyMatch(k -> k.get("id").equals(m.get("id"))
                    && Instant.parse((String) k.get("kickoff")).equals(Instant.parse((String) m.get("kickoff")))));
        }

        private static boolean listening(int port) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException free) {
                return false;
            }
        }

        static boolean ready(Service service) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(service.url() + "/q/health/ready")
                        .toURL().openConnection();
                connection.setConnectTimeout(1000);
                return connection.getResponseCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        }

        @Override
        public void close() {
            smtp.close();
            traces.close();
            // the run is over and nothing checks a shutdown: SIGKILL, not allocation-service's 9 s of closing channels
            running.values().forEach(process -> killNine(process, "a service at the end of the run"));
        }
    }
}
