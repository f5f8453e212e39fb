package io.stockbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Every overlay renders, and every object it renders is one the cluster's API (or an installed operator) takes. */
class ManifestsAreValidTest {

  @ParameterizedTest
  @ValueSource(strings = { "dev", "prod" })
  void everyObjectFollowsTheApiModel(String overlay) {
    Manifests manifests = Manifests.of(overlay);
    assertThat(manifests.objects()).hasSizeGreaterThan(40);
    List<String> problems = new ArrayList<>();
    for (JsonNode object : manifests.objects()) {
      if (ApiModel.knows(object)) {
        problems.addAll(ApiModel.problems(object));
      } else if (CrdSchemas.knows(object)) {
        problems.addAll(CrdSchemas.problems(object));
      } else {
        problems.add("nothing validates " + object.path("apiVersion").asText() + "/" + object.path("kind").asText()
            + " " + Manifests.nameOf(object));
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

  /** The operators' kinds are held to their definitions too: a misspelt field, a wrong type, a value out of range. */
  @Test
  void aMisspeltOrWrongOperatorFieldIsCaught() throws Exception {
    JsonNode cluster = new YAMLMapper().readTree("""
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: broken}
        spec:
          instances: three
          storage: {size: 1Gi}
          managed:
            roles:
              - name: inventory
                passwordSecrets: {name: stockbridge-db-inventory}
        """);
    assertThat(CrdSchemas.problems(cluster)).anySatisfy(problem -> assertThat(problem).contains("instances"))
        .anySatisfy(problem -> assertThat(problem).contains("passwordSecrets"));
    JsonNode realmImport = new YAMLMapper().readTree("""
        apiVersion: k8s.keycloak.org/v2alpha1
        kind: KeycloakRealmImport
        metadata: {name: broken}
        spec:
          keycloakCRName: keycloak
          realm: {realm: stockbridge, accessTokenLifespan: half-an-hour}
        """);
    assertThat(CrdSchemas.problems(realmImport)).singleElement().asString().contains("accessTokenLifespan");
  }
}
