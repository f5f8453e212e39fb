package io.stockbridge.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks the operators' objects (CloudNativePG, Keycloak) against the CustomResourceDefinitions those operators
 * install, kept under {@code crds/} in the versions the README installs (see the NOTICE there). Each object is
 * checked against its served version's structural schema, closed the way the API server's strict field validation
 * reads it: an object that lists its properties takes no others unless it says it keeps unknown fields. Without that
 * a misspelt field would pass here and be pruned silently by the cluster.
 */
final class CrdSchemas {
  /** The definitions kept in the repository, one file each as the operators publish them. */
  private static final List<String> DEFINITIONS = List.of("postgresql.cnpg.io_clusters.yaml",
      "postgresql.cnpg.io_databases.yaml", "keycloaks.k8s.keycloak.org-v1.yml",
      "keycloakrealmimports.k8s.keycloak.org-v1.yml");

  private static final Map<String, Schema> SCHEMAS = load();

  private CrdSchemas() {
  }

  /** Whether a kept definition describes the object's apiVersion and kind. */
  static boolean knows(JsonNode object) {
    return SCHEMAS.containsKey(key(object));
  }

  /** What is wrong with the object by its definition's schema; empty when nothing is. */
  static List<String> problems(JsonNode object) {
    return SCHEMAS.get(key(object)).validate(object).stream()
        .map(error -> key(object) + " " + Manifests.nameOf(object) + ": " + error)
        .toList();
  }

  private static String key(JsonNode object) {
    return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
  }

  private static Map<String, Schema> load() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    Map<String, Schema> schemas = new HashMap<>();
    for (String file : DEFINITIONS) {
      for (JsonNode definition : read("crds/" + file)) {
        String group = definition.path("spec").path("group").asText();
        String kind = definition.path("spec").path("names").path("kind").asText();
        for (JsonNode version : definition.path("spec").path("versions")) {
          if (version.path("served").asBoolean()) {
            ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            withObjectFields(schema);
            closeObjects(schema);
            schemas.put(group + "/" + version.path("name").asText() + "/" + kind, registry.getSchema(schema));
          }
        }
      }
    }
    return Map.copyOf(schemas);
  }

  /** The fields every object has, which the API server allows whether a definition lists them or not. */
  private static void withObjectFields(ObjectNode schema) {
    ObjectNode properties = schema.withObjectProperty("properties");
    properties.putIfAbsent("apiVersion", properties.objectNode().put("type", "string"));
    properties.putIfAbsent("kind", properties.objectNode().put("type", "string"));
    properties.putIfAbsent("metadata", properties.objectNode().put("type", "object"));
  }

  /** Strict field validation: a listed set of properties is the whole set, unless unknown fields are kept. */
  private static void closeObjects(JsonNode schema) {
    if (!(schema instanceof ObjectNode node)) {
      return;
    }
    if (node.has("properties") && !node.has("additionalProperties")
        && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      node.put("additionalProperties", false);
    }
    node.path("properties").forEach(CrdSchemas::closeObjects);
    closeObjects(node.path("items"));
    closeObjects(node.path("additionalProperties"));
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      node.path(combinator).forEach(CrdSchemas::closeObjects);
    }
  }

  private static List<JsonNode> read(String resource) {
    try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(resource);
        MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(in)) {
      return documents.readAll().stream().filter(document -> document != null && !document.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
