package io.stockbridge.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the contract checks read from an OpenAPI document about one operation: who may call it, which parameters
 * name an owned thing, and the same call with ids nobody has.
 */
final class OpenApiOperations {
  private OpenApiOperations() {
  }

  /** The seller roles that may call the operation; none for one only staff or services may call. */
  static String[] sellerRolesOf(JsonNode operation) {
    List<String> roles = new ArrayList<>();
    operation.path("security").forEach(requirement -> requirement.fields()
        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
    return (roles.isEmpty() ? SELLER_ROLES.stream().sorted().toList()
        : roles.stream().filter(SELLER_ROLES::contains).toList()).toArray(String[]::new);
  }

  /** The parameters that name an owned thing: path parameters not of a fixed set of values, required query ids. */
  static List<JsonNode> namingParameters(
      JsonNode pathItem, JsonNode operation,
      JsonNode document) {
    List<JsonNode> naming = new ArrayList<>();
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      String in = parameter.path("in").asText();
      boolean fixedValues = schemaOf(parameter, document).path("enum").size() > 0;
      if (("path".equals(in) && !fixedValues) || ("query".equals(in) && parameter.path("required").asBoolean(false)
          && parameter.path("name").asText().endsWith("Id"))) {
        naming.add(parameter);
      }
    }
    return naming;
  }

  /** {@code products} for {@code /v1/products/{id}/images}. */
  static String collectionOf(String path) {
    String rest = path.substring("/v1/".length());
    return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
  }

  static final Set<String> SELLER_ROLES = Set.of("seller-admin", "seller-operator",
      "erp-integration");

  /**
   * A token allowed to call the operation (its roles, as the document lists them): a fresh seller's when a seller
   * role may call it, so every id is one the caller does not have; else the staff role's (a platform admin's).
   */
  static String tokenFor(JsonNode operation) {
    List<String> roles = new ArrayList<>();
    operation.path("security").forEach(requirement -> requirement.fields()
        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
    List<String> sellerRoles = roles.stream().filter(SELLER_ROLES::contains).toList();
    if (roles.isEmpty() || !sellerRoles.isEmpty()) {
      return TestTokens.seller("seller-" + UUID.randomUUID(),
          (roles.isEmpty() ? SELLER_ROLES.stream().toList() : sellerRoles).toArray(String[]::new));
    }
    return TestTokens.staff("staff-" + UUID.randomUUID(), roles.toArray(String[]::new));
  }

  /**
   * The path with each parameter replaced by an id nobody has: a random UUID where the parameter is one (so the
   * id is well formed and merely unknown), a random code otherwise; a parameter taking one of a fixed set of values
   * (a market) gets the first, since it names no owned thing.
   */
  static String unknownIds(String path, JsonNode pathItem,
      JsonNode operation, JsonNode document) {
    String url = path;
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      if (!"path".equals(parameter.path("in").asText())) {
        continue;
      }
      JsonNode schema = schemaOf(parameter, document);
      String value;
      if (schema.path("enum").size() > 0) {
        value = schema.path("enum").get(0).asText();
      } else if ("uuid".equals(schema.path("format").asText())) {
        value = UUID.randomUUID().toString();
      } else {
        value = "UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      }
      url = url.replace("{" + parameter.path("name").asText() + "}", value);
    }
    return url;
  }

  /** Whether a path parameter of the operation names a thing (an id), not one of a fixed set of values. */
  static boolean namesAThing(JsonNode pathItem,
      JsonNode operation, JsonNode document) {
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    return parameters.stream().filter(parameter -> "path".equals(parameter.path("in").asText()))
        .anyMatch(parameter -> schemaOf(parameter, document).path("enum").isEmpty());
  }

  static JsonNode schemaOf(JsonNode parameter,
      JsonNode document) {
    JsonNode schema = parameter.path("schema");
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#/components/schemas/")
        ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())) : schema;
  }

  /** The required query parameters, each filled with an id nobody has (they name things: {@code warehouseId}). */
  static Map<String, String> requiredQuery(JsonNode operation) {
    Map<String, String> query = new HashMap<>();
    operation.path("parameters").forEach(parameter -> {
      if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
        query.put(parameter.path("name").asText(), "UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8));
      }
    });
    return query;
  }

  /** A read of one named thing: by a path parameter, or by required query parameters that are all ids. */
  static boolean namesSomething(String path, JsonNode operation) {
    Set<String> required = requiredQuery(operation).keySet();
    return path.contains("{") || (!required.isEmpty() && required.stream().allMatch(name -> name.endsWith("Id")));
  }
}
