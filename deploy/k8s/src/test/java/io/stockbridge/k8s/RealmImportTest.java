package io.stockbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Keycloak Operator's realm import is built from the realm file the local stack uses
 * ({@code deploy/keycloak/stockbridge-realm.json}), so the two never drift: the same roles, mappers and service
 * clients, without the local stack's demo users, their password-grant client and the demo ERP clients, requiring TLS
 * from outside, and with every client secret taken from the
 * Secret {@code stockbridge-oidc-clients} (the key is the client's id) instead of the file's local value.
 * <p>
 * After changing the realm file, refresh the committed import with
 * {@code ./mvnw -B verify -pl deploy/k8s -Dstockbridge.k8s.write=true} and commit it.
 */
class RealmImportTest {
  private static final Path REALM = Path.of("..", "keycloak", "stockbridge-realm.json");
  private static final Path IMPORT = Path.of("base", "keycloak", "realm-import.yaml");

  @Test
  void theCommittedRealmImportIsTheOneTheRealmFileMakes() throws IOException {
    String generated = generate();
    if (Boolean.getBoolean("stockbridge.k8s.write")) {
      Files.writeString(IMPORT, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(IMPORT, StandardCharsets.UTF_8))
        .as(IMPORT + " is stale; run ./mvnw -B verify -pl deploy/k8s -Dstockbridge.k8s.write=true and commit it")
        .isEqualTo(generated);
  }

  @Test
  void noSecretValueOfTheRealmFileReachesTheImport() throws IOException {
    JsonNode realm = new ObjectMapper().readTree(REALM.toFile());
    String generated = generate();
    for (JsonNode client : realm.path("clients")) {
      if (client.hasNonNull("secret")) {
        assertThat(generated).doesNotContain(client.path("secret").asText());
      }
    }
    JsonNode imported = new YAMLMapper().readTree(generated).path("spec").path("realm");
    assertThat(imported.has("users")).as("no users, so no passwords").isFalse();
    assertThat(imported.path("sslRequired").asText()).isEqualTo("external");
    assertThat(imported.path("clients").findValuesAsText("clientId")).doesNotContain("stockbridge-cli", "erp-a",
        "stockbridge-console");
  }

  static String generate() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode realm = (ObjectNode) json.readTree(REALM.toFile());
    realm.remove("users");
    // a cluster's Keycloak is reached over TLS from outside (the Ingress); the local stack's is plain HTTP
    realm.put("sslRequired", "external");
    realm.put("displayName", "Stockbridge");
    ObjectNode placeholders = json.createObjectNode();
    ArrayNode clients = (ArrayNode) realm.path("clients");
    for (Iterator<JsonNode> it = clients.iterator(); it.hasNext();) {
      ObjectNode client = (ObjectNode) it.next();
      String id = client.path("clientId").asText();
      if (id.startsWith("erp-") || id.equals("stockbridge-cli") || id.equals("stockbridge-console")) {
        // the local stack's demo integrators, its demo users' password-grant client, and the console's client,
        // whose redirect URIs are the local stack's (the cluster does not run the console yet); a platform team
        // registers its integrators' clients itself
        it.remove();
      } else if (client.hasNonNull("secret")) {
        String placeholder = id.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
        client.put("secret", "${" + placeholder + "}");
        placeholders.putObject(placeholder).putObject("secret").put("name", "stockbridge-oidc-clients")
            .put("key", id);
      }
    }
    ObjectNode realmImport = json.createObjectNode();
    realmImport.put("apiVersion", "k8s.keycloak.org/v2alpha1");
    realmImport.put("kind", "KeycloakRealmImport");
    realmImport.putObject("metadata").put("name", "stockbridge");
    ObjectNode spec = realmImport.putObject("spec");
    spec.put("keycloakCRName", "keycloak");
    spec.set("placeholders", placeholders);
    spec.set("realm", realm);
    YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    return "# Generated from deploy/keycloak/stockbridge-realm.json by RealmImportTest; do not edit by hand.\n"
        + yaml.writeValueAsString(realmImport);
  }
}
