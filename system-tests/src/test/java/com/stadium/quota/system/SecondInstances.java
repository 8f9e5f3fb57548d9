package com.stadium.quota.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.stadium.quota.system.RunningSuite.Service;

/**
 * The two-of-everything stand (issue 20): beside the services {@link RunningSuite} started, a second packaged
 * instance of each on its own port (the first one's + 10), against the same test stack, for one test class. The
 * second instances share the first ones' databases and Kafka consumer groups; register after RunningSuite.
 */
public class SecondInstances implements BeforeAllCallback, AfterAllCallback {

    /** How far the second instance's port is from the first one's. */
    static final int PORT_OFFSET = 10;

    /**
     * The second portal behind {@link PortalBalancer}: it takes the public address from the balancer's
     * X-Forwarded-Host (as behind an ingress), names itself on every answer, and ends its live streams after 8 s, so
     * a page's stream reconnects (with its Last-Event-ID) while a test watches.
     */
    private static final List<String> SECOND_PORTAL = List.of("-Dquarkus.http.proxy.proxy-address-forwarding=true",
            "-Dquarkus.http.proxy.allow-x-forwarded=true", "-Dquarkus.http.proxy.enable-forwarded-host=true",
            "-Dquarkus.http.filter.instance.header.\"" + PortalBalancer.INSTANCE_HEADER + "\"=2",
            "-Dsuite.portal.live.max-length=8s");

    private final Map<Service, Process> running = new EnumMap<>(Service.class);
    /** The stand of the running test class, for drills that kill a second instance. */
    private static volatile SecondInstances current;

    /** The second instance's base URL. */
    public static String url(Service service) {
        return "http://localhost:" + (service.port + PORT_OFFSET);
    }

    /** Request i goes to the first instance when i is even, to the second when odd. */
    public static String alternate(Service service, int i) {
        return i % 2 == 0 ? service.url() : url(service);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path root = Path.of(System.getProperty("suite.root", ".."));
        try {
            for (Service service : Service.values()) {
                running.put(service, launch(root, service));
            }
            for (Service service : Service.values()) {
                awaitReady(root, service);
            }
            // one that answered ready for a moment and then gave up starting (e.g. a port taken): all four at once
            await("the second instances still running").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> running.values().stream().allMatch(Process::isAlive));
            // tests start once the second instances' consumers are in their groups, not during the rebalance
            ConsumerGroups.awaitSettled(2);
            current = this;
        } catch (IOException | RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    private void awaitReady(Path root, Service service) {
        int[] starts = {1};
        await("readiness of the second " + service.module).atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    // one that gave up starting (e.g. Keycloak slow to answer on a busy machine) goes again
                    if (!running.get(service).isAlive() && starts[0]++ < 3) {
                        running.put(service, launch(root, service));
                    }
                    return running.get(service).isAlive() && ready(url(service));
                });
    }

    /** Ends the second instance as {@code kill -9} would (no shutdown hooks, no goodbye to Kafka). */
    public static void crash(Service service) {
        RunningSuite.killNine(current.running.get(service), "the second " + service.module);
    }

    private static Process launch(Path root, Service service) throws IOException {
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
        command.addAll(RunningSuite.QUICK_START);
        command.addAll(List.of("-Dquarkus.profile=test", "-Dquarkus.http.port=" + (service.port + PORT_OFFSET),
                // the first instance made the schema; the test profile would wipe it at start
                "-Dquarkus.flyway.clean-at-start=false",
                // the first instance holds the test profile's management port (metrics), and its port + 1010 is the
                // test Kafka's (29092, 29093): a free one, nothing here reads the second instance's metrics
                "-Dquarkus.management.port=0"));
        command.addAll(service.options);
        if (service == Service.PORTAL) {
            command.addAll(SECOND_PORTAL);
        }
        command.addAll(List.of("-jar", jar.toString()));
        // notification-adapter mails straight to GreenMail (the first one goes through RunningSuite's RefusingSmtp)
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                .appendTo(root.resolve("system-tests/target/" + service.module + "-2.log").toFile())).start();
    }

    private static boolean ready(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        current = null;
        running.values().forEach(Process::destroy);
        for (Process process : running.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        running.clear();
    }
}
