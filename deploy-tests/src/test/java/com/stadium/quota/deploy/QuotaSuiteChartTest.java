package com.stadium.quota.deploy;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The umbrella chart (helm/quota-suite) with the sub-charts the services' builds generated, through Helm's own code:
 * lint, then template with the default values, the production example and the least a real installation says.
 */
class QuotaSuiteChartTest {

    static final List<String> SERVICES = List.of("quota-service", "allocation-service", "notification-adapter",
            "portal-web");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/quota-suite");
    static final Path PRODUCTION = CHART.resolve("values-production.yaml");
    static final Path MINIMAL = Path.of("src/test/resources/values-minimal.yaml");
    /** Names of settings that carry a credential: they must come from a Secret, never from a value. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|jaas|private|token|credential).*");

    static RenderedChart defaults;
    static RenderedChart production;
    static RenderedChart minimal;

    @BeforeAll
    static void render() {
        for (String service : SERVICES) {
            assertThat(subChart(service).resolve("Chart.yaml"))
                    .as("the chart %s generates at package (./mvnw package)", service).exists();
        }
        new Helm(CHART).dependency().update().skipRefresh().call();
        defaults = RenderedChart.render(CHART);
        production = RenderedChart.render(CHART, PRODUCTION);
        minimal = RenderedChart.render(CHART, MINIMAL);
    }

    static Path subChart(String service) {
        return ROOT.resolve(service + "/target/helm/kubernetes/" + service);
    }

    @Test
    void umbrellaAndEverySubChartLintClean() {
        assertThat(new Helm(CHART).lint().strict().call().isFailed()).as("helm lint helm/quota-suite").isFalse();
        for (String service : SERVICES) {
            var lint = new Helm(subChart(service)).lint().strict().call();
            assertThat(lint.isFailed()).as("helm lint %s: %s", service, lint.getMessages()).isFalse();
        }
    }

    @Test
    void everyContainerHasTheThreeHealthProbes() {
        for (RenderedChart chart : List.of(defaults, production, minimal)) {
            assertThat(chart.all(Deployment.class)).hasSize(4);
            for (Deployment deployment : chart.all(Deployment.class)) {
                for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                    assertThat(path(container.getLivenessProbe())).isEqualTo("/q/health/live");
                    assertThat(path(container.getReadinessProbe())).isEqualTo("/q/health/ready");
                    assertThat(path(container.getStartupProbe())).isEqualTo("/q/health/started");
                }
            }
        }
    }

    @Test
    void resourcesImagesAndReplicasComeFromValues() {
        Container quota = production.container("quota-service");
        assertThat(quota.getImage()).isEqualTo("registry.club.example/quota-suite/quota-service:0.1.0");
        assertThat(quota.getResources().getRequests())
                .containsEntry("cpu", new Quantity("500m")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(quota.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"));
        assertThat(production.get(Deployment.class, "quota-service").getSpec().getReplicas()).isEqualTo(3);
        // what a service's own configuration says stays the default
        assertThat(defaults.container("quota-service").getResources().getLimits())
                .containsEntry("memory", new Quantity("768Mi"));
    }

    @Test
    void portalRunsTwoReplicas() {
        for (RenderedChart chart : List.of(defaults, production, minimal)) {
            assertThat(chart.get(Deployment.class, "portal-web").getSpec().getReplicas()).isEqualTo(2);
        }
    }

    @Test
    void noSecretIsRenderedAndEachServiceReadsItsExistingSecret() {
        for (RenderedChart chart : List.of(defaults, production, minimal)) {
            assertThat(chart.all(Secret.class)).isEmpty();
            for (ConfigMap config : chart.all(ConfigMap.class)) {
                assertThat(config.getData().keySet()).as(config.getMetadata().getName())
                        .noneMatch(key -> SECRET_NAME.matcher(key).matches());
            }
            for (String service : SERVICES) {
                assertThat(chart.container(service).getEnv())
                        .noneMatch(env -> SECRET_NAME.matcher(env.getName()).matches() && env.getValue() != null);
            }
        }
        assertThat(production.container("quota-service").getEnvFrom()).extracting(EnvFromSource::getSecretRef)
                .anyMatch(ref -> ref != null && ref.getName().equals("quota-service-prod"));
    }

    @Test
    void everyExternalAddressIsWiredFromValues() {
        for (String service : List.of("quota-service", "allocation-service", "notification-adapter")) {
            Map<String, String> config = production.config(service);
            assertThat(config).containsEntry("SUITE_KAFKA_BOOTSTRAP",
                    "kafka-0.kafka.data.svc:9093,kafka-1.kafka.data.svc:9093,kafka-2.kafka.data.svc:9093")
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://sso.club.example/realms/quota");
            assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .startsWith("jdbc:postgresql://pg.data.svc:5432/" + service.replace('-', '_'));
        }
        assertThat(production.config("quota-service"))
                .containsEntry("QUARKUS_KEYCLOAK_ADMIN_CLIENT_REALM", "quota")
                .containsEntry("SUITE_PAYMENT_SANDBOX_ENABLED", "false")
                .containsEntry("SUITE_PAYMENT_RETURN_URL_PREFIXES", "https://tickets.club.example/,stadiumquota://")
                .containsEntry("QUARKUS_HTTP_CORS_ORIGINS", "https://tickets.club.example");
        assertThat(production.config("notification-adapter"))
                .containsEntry("SUITE_SMTP_HOST", "smtp.club.example")
                .containsEntry("SUITE_CLUB_PORTAL_URL", "https://tickets.club.example")
                .containsEntry("QUARKUS_HTTP_CORS_ORIGINS", "https://tickets.club.example");
        assertThat(production.config("portal-web"))
                .containsEntry("SUITE_PORTAL_URL", "https://tickets.club.example")
                .containsEntry("SUITE_PORTAL_SECURE_COOKIES", "true")
                .containsEntry("SUITE_NOTIFICATION_ADAPTER_URL", "http://notification-adapter")
                .containsEntry("QUARKUS_OIDC_HOLDER_AUTH_SERVER_URL", "https://sso.club.example/realms/quota")
                .containsEntry("QUARKUS_OIDC_APP_AUTH_SERVER_URL", "https://sso.club.example/realms/quota")
                .containsEntry("SUITE_APP_QUOTA_SERVICE_URL", "https://api.tickets.club.example")
                .containsEntry("SUITE_APP_NOTIFICATION_ADAPTER_URL", "https://push.tickets.club.example")
                // each replica reads quota-events for its open pages (live updates)
                .containsEntry("SUITE_KAFKA_BOOTSTRAP",
                        "kafka-0.kafka.data.svc:9093,kafka-1.kafka.data.svc:9093,kafka-2.kafka.data.svc:9093")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        assertThat(production.get(Ingress.class, "portal-web").getSpec().getRules().get(0).getHost())
                .isEqualTo("tickets.club.example");
        // the least a real installation says reaches every service as well
        assertThat(minimal.config("notification-adapter")).containsEntry("SUITE_SMTP_HOST", "mail.minimal.test")
                .containsEntry("SUITE_KAFKA_BOOTSTRAP", "broker.minimal.test:9092");
    }

    @Test
    void noPlaceholderAddressSurvivesTheProductionExample() {
        for (ConfigMap config : production.all(ConfigMap.class)) {
            assertThat(config.getData().values()).noneMatch(value -> value.contains(".invalid"));
        }
        assertThat(production.all(Deployment.class)).extracting(d -> d.getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).noneMatch(image -> image.contains(".invalid"));
    }

    @Test
    void everyServiceHasADisruptionBudgetAndAnAutoscalerOnlyWhenEnabled() {
        Function<RenderedChart, List<String>> budgets = chart -> chart.all(PodDisruptionBudget.class).stream()
                .map(pdb -> pdb.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")).toList();
        assertThat(budgets.apply(defaults)).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(budgets.apply(production)).containsExactlyInAnyOrderElementsOf(SERVICES);

        assertThat(defaults.all(HorizontalPodAutoscaler.class)).isEmpty();
        HorizontalPodAutoscaler hpa = production.get(HorizontalPodAutoscaler.class, "quota-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("quota-service");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(production.all(HorizontalPodAutoscaler.class)).hasSize(1);
    }

    @Test
    void theChartReadmeListsEveryValue() throws Exception {
        String readme = Files.readString(CHART.resolve("README.md"));
        List<String> values = new ArrayList<>(leaves("", yaml(CHART.resolve("values.yaml"))));
        for (String service : SERVICES) {
            values.addAll(leaves(service + ".", yaml(subChart(service).resolve("values.yaml"))));
        }
        assertThat(values).filteredOn(value -> !documented(readme, value)).as("values missing in README.md")
                .isEmpty();
    }

    /**
     * A value is documented when README.md names it, or a part of it of two or more levels (e.g. a whole probe); a
     * service's own top-level value is named in full.
     */
    private static boolean documented(String readme, String value) {
        String[] parts = value.split("\\.");
        int first = SERVICES.contains(parts[0]) ? 1 : 0;
        for (int end = parts.length; end >= Math.min(first + 2, parts.length); end--) {
            String key = String.join(".", Arrays.copyOfRange(parts, first, end));
            if (readme.contains("`" + key + "`") || readme.contains("`" + parts[0] + "." + key + "`")
                    || readme.contains("`<service>." + key + "`")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> leaves(String prefix, Map<?, ?> yaml) {
        List<String> leaves = new ArrayList<>();
        yaml.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                leaves.addAll(leaves(prefix + key + ".", nested));
            } else {
                leaves.add(prefix + key);
            }
        });
        return leaves;
    }

    private static Map<?, ?> yaml(Path file) throws Exception {
        return new KubernetesSerialization().unmarshal(Files.readString(file), Map.class);
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }
}
