package io.stockbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The rules every deployment of the suite keeps, checked on what the overlays render. */
class DeploymentPoliciesTest {

  @ParameterizedTest
  @ValueSource(strings = { "dev", "prod" })
  void everyDeploymentHasItsProbesLimitsAndRunsLockedDown(String overlay) {
    List<String> wrong = new ArrayList<>();
    Manifests.of(overlay).ofKind("Deployment").forEach(deployment -> {
      String name = Manifests.nameOf(deployment);
      JsonNode pod = deployment.path("spec").path("template").path("spec");
      if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
        wrong.add(name + ": the pod does not run as non-root");
      }
      for (JsonNode container : pod.path("containers")) {
        String where = name + "/" + container.path("name").asText();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          if (container.path(probe).isMissingNode()) {
            wrong.add(where + ": no " + probe);
          }
        }
        JsonNode resources = container.path("resources");
        for (String required : List.of("requests/cpu", "requests/memory", "limits/memory")) {
          if (resources.at("/" + required).isMissingNode()) {
            wrong.add(where + ": no " + required);
          }
        }
        JsonNode security = container.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
          wrong.add(where + ": the root filesystem is writable");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
          wrong.add(where + ": privilege escalation is allowed");
        }
        if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
          wrong.add(where + ": capabilities are not all dropped");
        }
      }
    });
    assertThat(wrong).isEmpty();
  }

  /** The services' probes are the health endpoints Quarkus serves: started, live, ready. */
  @Test
  void theServicesProbeTheirHealthEndpoints() {
    for (String service : Manifests.services()) {
      JsonNode container = deployment("prod", service).path("spec").path("template").path("spec")
          .path("containers").path(0);
      assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
      assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
      assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    }
  }

  @Test
  void inProductionEveryServiceHasThreeSpreadReplicasADisruptionBudgetAndAnAutoscaler() {
    Manifests prod = Manifests.of("prod");
    Set<String> budgets = prod.ofKind("PodDisruptionBudget")
        .map(pdb -> pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).collect(Collectors.toSet());
    Set<String> scaled = prod.ofKind("HorizontalPodAutoscaler")
        .map(hpa -> hpa.at("/spec/scaleTargetRef/name").asText()).collect(Collectors.toSet());
    for (String service : Manifests.services()) {
      JsonNode deployment = deployment("prod", service);
      assertThat(deployment.at("/spec/replicas").asInt()).as(service).isEqualTo(3);
      assertThat(deployment.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()).as(service).isFalse();
      assertThat(budgets).as("disruption budgets").contains(service);
      assertThat(scaled).as("autoscalers").contains(service);
    }
    assertThat(prod.ofKind("Cluster").findFirst().orElseThrow().at("/spec/instances").asInt()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = { "dev", "prod" })
  void networkPoliciesDenyByDefault(String overlay) {
    assertThat(Manifests.of(overlay).ofKind("NetworkPolicy").filter(policy ->
        policy.at("/spec/podSelector").isEmpty() && policy.at("/spec/ingress").isMissingNode()
            && policy.at("/spec/egress").isMissingNode()
            && policy.at("/spec/policyTypes").toString().contains("Ingress")
            && policy.at("/spec/policyTypes").toString().contains("Egress")))
        .as("a policy selecting every pod and allowing nothing").hasSize(1);
    // and every pod of the suite is covered by a policy of its own that names what it may reach
    Set<String> covered = Manifests.of(overlay).ofKind("NetworkPolicy")
        .map(policy -> policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText())
        .collect(Collectors.toSet());
    assertThat(covered).containsAll(Manifests.services()).contains("otel-collector");
  }

  @Test
  void noSecretCarriesAValueOutsideDev() {
    assertThat(Manifests.of("prod").ofKind("Secret").map(Manifests::nameOf)).isEmpty();
    // dev's values are there for anyone to read, so each must say it is local (user names excepted)
    List<String> notLocal = new ArrayList<>();
    Manifests.of("dev").ofKind("Secret").forEach(secret -> secret.path("data").fields().forEachRemaining(entry -> {
      String value = new String(java.util.Base64.getDecoder().decode(entry.getValue().asText()),
          java.nio.charset.StandardCharsets.UTF_8);
      if (!entry.getKey().equals("username") && !value.contains("local") && !decodesToLocal(value)) {
        notLocal.add(Manifests.nameOf(secret) + "/" + entry.getKey());
      }
    }));
    assertThat(Manifests.of("dev").ofKind("Secret")).isNotEmpty();
    assertThat(notLocal).isEmpty();
  }

  /** From outside only the public APIs and the webhooks; /internal and /q are never routed. */
  @ParameterizedTest
  @ValueSource(strings = { "dev", "prod" })
  void theIngressExposesOnlyPublicPaths(String overlay) {
    List<String> paths = Manifests.of(overlay).ofKind("Ingress")
        .flatMap(ingress -> ingress.at("/spec/rules").findValues("path").stream()).map(JsonNode::asText).toList();
    assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).isIn("/v1", "/webhooks", "/webhooks/channel",
        "/"));
    // only Keycloak is served at the root, on its own host
    assertThat(Manifests.of(overlay).ofKind("Ingress").filter(ingress -> ingress.at("/spec/rules").findValues("path")
        .stream().anyMatch(path -> path.asText().equals("/"))).map(Manifests::nameOf)).containsExactly("keycloak");
  }

  /** The edge refuses the same sizes the services do, so an oversized body never costs a service anything. */
  @Test
  void theIngressBodyLimitsMatchTheServices() throws IOException {
    assertThat(bytes(ingress("gateway-webhooks")))
        .isEqualTo(serviceLimit("warehouse-gateway", "stockbridge.http.body-limits.\"/webhooks\""));
    assertThat(bytes(ingress("gateway-api")))
        .isEqualTo(serviceLimit("warehouse-gateway", "stockbridge.http.body-limits.\"/v1/warehouses/*/imports\""));
    assertThat(bytes(ingress("catalog-channel-webhooks")))
        .isEqualTo(serviceLimit("catalog-service", "stockbridge.http.body-limits.\"/webhooks/channel\""));
    assertThat(bytes(ingress("catalog-api")))
        .isEqualTo(serviceLimit("catalog-service", "stockbridge.http.body-limits.\"/v1/products/*/images\""));
    assertThat(bytes(ingress("compliance-api")))
        .isEqualTo(serviceLimit("compliance-service", "quarkus.http.limits.max-body-size"));
  }

  /** A key given as base64 (the secrets key) says it is local once decoded. */
  private static boolean decodesToLocal(String value) {
    try {
      return new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8)
          .contains("local");
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static JsonNode deployment(String overlay, String name) {
    return Manifests.of(overlay).ofKind("Deployment").filter(d -> Manifests.nameOf(d).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + overlay));
  }

  private static String ingress(String name) {
    return Manifests.of("prod").ofKind("Ingress").filter(i -> Manifests.nameOf(i).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no Ingress " + name)).at("/metadata/annotations")
        .path("nginx.ingress.kubernetes.io/proxy-body-size").asText();
  }

  /** 256k, 5m, 24M as a number of bytes. */
  private static long bytes(String size) {
    String digits = size.replaceAll("[^0-9]", "");
    String unit = size.substring(digits.length()).toLowerCase();
    long base = Long.parseLong(digits);
    return switch (unit) {
      case "k" -> base * 1024;
      case "m" -> base * 1024 * 1024;
      case "g" -> base * 1024 * 1024 * 1024;
      default -> base;
    };
  }

  /** The limit a service holds by default: the value of its property, or the default in its ${...:default}. */
  private static long serviceLimit(String service, String key) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("..", "..", service, "src", "main", "resources",
        "application.properties"))) {
      properties.load(in);
    }
    String value = properties.getProperty(key);
    assertThat(value).as(service + " " + key).isNotNull();
    if (value.startsWith("${")) {
      value = value.substring(value.indexOf(':') + 1, value.length() - 1);
    }
    return bytes(value);
  }
}
