package io.stockbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Every overlay renders, and every object it renders is one the cluster's API (or an installed operator) takes. */
class ManifestsAreValidTest {
  /** The operators' kinds the suite uses, by apiVersion: installed before the overlay (see the README). */
  private static final Set<String> OPERATOR_KINDS = Set.of("postgresql.cnpg.io/v1/Cluster",
      "postgresql.cnpg.io/v1/Database", "k8s.keycloak.org/v2alpha1/Keycloak",
      "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

  @ParameterizedTest
  @ValueSource(strings = { "dev", "prod" })
  void everyObjectFollowsTheApiModel(String overlay) {
    Manifests manifests = Manifests.of(overlay);
    assertThat(manifests.objects()).hasSizeGreaterThan(40);
    List<String> problems = new ArrayList<>();
    for (JsonNode object : manifests.objects()) {
      String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
      if (ApiModel.knows(object)) {
        problems.addAll(ApiModel.problems(object));
      } else if (!OPERATOR_KINDS.contains(kind)) {
        problems.add("nothing validates " + kind + " " + Manifests.nameOf(object));
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The check itself can fail: a misspelt field and a wrong type are both caught. */
  @Test
  void aMisspeltFieldOrAWrongTypeIsCaught() throws Exception {
    JsonNode misspelt = new YAMLMapper().readTree("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: broken}
        spec:
          selector: {matchLabels: {app: broken}}
          template:
            metadata: {labels: {app: broken}}
            spec:
              containers:
                - name: broken
                  image: broken
                  readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
        """);
    assertThat(ApiModel.problems(misspelt)).singleElement().asString().contains("readinesProbe");
    JsonNode wrongType = new YAMLMapper().readTree("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: broken}
        spec:
          replicas: three
        """);
    assertThat(ApiModel.problems(wrongType)).singleElement().asString().contains("three");
  }
}
