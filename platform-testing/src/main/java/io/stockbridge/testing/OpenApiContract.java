package io.stockbridge.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Extend it (as a {@code @QuarkusTest}) to keep the OpenAPI document committed under {@code deploy/openapi/} equal to the one the service generates, so
 * integrators always generate clients from the current contract.
 * <p>
 * After an intended API change, refresh the committed files with
 * {@code ./mvnw -B verify -Dstockbridge.openapi.write=true} and commit them.
 */
public abstract class OpenApiContract {
  public static final String WRITE_PROPERTY = "stockbridge.openapi.write";

  private final String service;

  /** @param service the service's name, which is also the committed file's name */
  protected OpenApiContract(String service) {
    this.service = service;
  }

  @Test
  void committedOpenApiDocumentIsTheOneThisBuildServes() throws IOException {
    Assertions.assertNull(compareWithCommitted());
  }

  /** Client generators name methods after operation ids: two operations with one id make one of them vanish. */
  @Test
  void everyOperationHasItsOwnId() throws IOException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.List<String> repeated = new java.util.ArrayList<>();
    servedDocument().path("paths")
        .forEach(path -> path.forEach(operation -> {
          String id = operation.path("operationId").asText(null);
          if (id != null && !seen.add(id)) {
            repeated.add(id);
          }
        }));
    Assertions.assertTrue(repeated.isEmpty(), "operation ids used more than once: " + repeated);
  }

  /**
   * Issue 13, scenario 5: every read of a {@code /v1} path that names something (a path parameter) answers 404 when
   * the caller has no such thing, never 200 with an empty body. The operations come from the served document,
   * which {@link #committedOpenApiDocumentIsTheOneThisBuildServes} holds equal to the committed one, so a new
   * endpoint is covered without anyone adding it here. The caller holds the roles the document lists for the
   * operation (a fresh seller's, see {@link #tokenFor}), so no id is one it has.
   */
  @Test
  void everyReadOfSomethingTheCallerDoesNotHaveAnswers404() throws IOException {
    com.fasterxml.jackson.databind.JsonNode document = servedDocument();
    java.util.List<String> wrong = new java.util.ArrayList<>();
    java.util.List<String> checked = new java.util.ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> {
      com.fasterxml.jackson.databind.JsonNode get = path.getValue().path("get");
      if (!path.getKey().startsWith("/v1/") || get.isMissingNode() || !namesSomething(path.getKey(), get)) {
        return;
      }
      String url = unknownIds(path.getKey(), path.getValue(), get, document);
      int status = given().auth().oauth2(tokenFor(get)).queryParams(requiredQuery(get)).get(url).then().extract()
          .statusCode();
      checked.add("GET " + url);
      if (status != 404) {
        wrong.add("GET " + url + " answered " + status);
      }
    });
    Assertions.assertTrue(wrong.isEmpty(), "reads of unknown things that did not answer 404: " + wrong);
    System.out.println(service + ": " + checked.size() + " reads of unknown ids answered 404");
  }

  /** A valid body for an operation, as a client would send it, with any header the operation requires. */
  protected record SampleBody(String contentType, byte[] body, java.util.Map<String, String> headers) {
    public static SampleBody json(String body, String... headerPairs) {
      java.util.Map<String, String> headers = new java.util.HashMap<>();
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new SampleBody("application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    public static SampleBody of(String contentType, byte[] body) {
      return new SampleBody(contentType, body, java.util.Map.of());
    }
  }

  /**
   * A valid body for each change that takes one, keyed by method and path as the document has them
   * ({@code "PUT /v1/products/{id}"}): the body is checked before the ids, so the 404 check needs one that passes.
   * A new operation with a body fails {@link #everyChangeOfSomethingTheCallerDoesNotHaveAnswers404} until it has a
   * sample here.
   */
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of();
  }

  /**
   * The same for changes: every {@code /v1} DELETE, POST, PUT or PATCH that names something by a path id answers 404
   * for ids the caller does not have, never acting on them; one that takes a body is sent its sample body (see
   * {@link #sampleBodies}), since the body is checked before the ids.
   */
  @Test
  void everyChangeOfSomethingTheCallerDoesNotHaveAnswers404() throws IOException {
    com.fasterxml.jackson.databind.JsonNode document = servedDocument();
    java.util.Map<String, SampleBody> samples = sampleBodies();
    java.util.List<String> wrong = new java.util.ArrayList<>();
    java.util.List<String> checked = new java.util.ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> {
      if (!path.getKey().startsWith("/v1/") || !path.getKey().contains("{")) {
        return;
      }
      for (String method : java.util.List.of("DELETE", "POST", "PUT", "PATCH")) {
        com.fasterxml.jackson.databind.JsonNode operation =
            path.getValue().path(method.toLowerCase(java.util.Locale.ROOT));
        // a path of fixed values only (a market) names no owned thing: what it changes is in the body, checked there
        if (operation.isMissingNode() || !namesAThing(path.getValue(), operation, document)) {
          continue;
        }
        String key = method + " " + path.getKey();
        io.restassured.specification.RequestSpecification request = given().auth().oauth2(tokenFor(operation))
            .queryParams(requiredQuery(operation));
        if (operation.path("requestBody").path("required").asBoolean(false)) {
          SampleBody sample = samples.get(key);
          if (sample == null) {
            wrong.add(key + " has no sample body in this service's OpenApiContractTest.sampleBodies()");
            continue;
          }
          request = request.headers(sample.headers()).contentType(sample.contentType()).body(sample.body());
        }
        String url = unknownIds(path.getKey(), path.getValue(), operation, document);
        int status = request.request(method, url).then().extract().statusCode();
        checked.add(method + " " + url);
        if (status != 404) {
          wrong.add(method + " " + url + " answered " + status);
        }
      }
    });
    Assertions.assertTrue(wrong.isEmpty(), "changes of unknown things that did not answer 404: " + wrong);
    System.out.println(service + ": " + checked.size() + " changes of unknown ids answered 404");
  }

  /** Makes things of the given seller (a product, stock, a warehouse) for {@link #anotherSellersThingsAnswer404}. */
  protected void ownSomething(String sellerId) {
  }

  /**
   * With another seller's ids: a seller's things, found through the document's lists ({@code GET /v1/products}
   * gives the ids for {@code GET /v1/products/{id}}), answer 200 to their seller and 404 to any other.
   */
  @Test
  void anotherSellersThingsAnswer404() throws IOException {
    String owner = "seller-" + java.util.UUID.randomUUID();
    ownSomething(owner);
    String[] roles = SELLER_ROLES.toArray(String[]::new);
    String ownerToken = TestTokens.seller(owner, roles);
    String strangerToken = TestTokens.seller("seller-" + java.util.UUID.randomUUID(), roles);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode paths = servedDocument().path("paths");
    java.util.List<String> wrong = new java.util.ArrayList<>();
    java.util.List<String> checked = new java.util.ArrayList<>();
    paths.fields().forEachRemaining(path -> {
      java.util.regex.Matcher item = java.util.regex.Pattern.compile("(/v1/[^{}]+)/\\{([^/{}]+)\\}")
          .matcher(path.getKey());
      com.fasterxml.jackson.databind.JsonNode list = paths.path(item.matches() ? item.group(1) : "").path("get");
      if (!item.matches() || path.getValue().path("get").isMissingNode() || list.isMissingNode()
          || !requiredQuery(list).isEmpty()) {
        return;
      }
      com.fasterxml.jackson.databind.JsonNode found;
      try {
        found = json.readTree(given().auth().oauth2(ownerToken).get(item.group(1)).then().statusCode(200).extract()
            .asString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      com.fasterxml.jackson.databind.JsonNode first = (found.isArray() ? found : found.path("items")).path(0);
      String id = first.path(item.group(2)).asText(first.path("id").asText(""));
      if (id.isEmpty()) {
        return;
      }
      String url = item.group(1) + "/" + id;
      checked.add("GET " + url);
      int own = given().auth().oauth2(ownerToken).get(url).then().extract().statusCode();
      int other = given().auth().oauth2(strangerToken).get(url).then().extract().statusCode();
      if (own != 200 || other != 404) {
        wrong.add("GET " + url + ": its seller got " + own + ", another seller " + other);
      }
    });
    Assertions.assertTrue(wrong.isEmpty(), "another seller's things not answered 404: " + wrong);
    System.out.println(service + ": " + checked.size() + " of a seller's things answered 404 to another seller "
        + checked);
  }

  private static final java.util.Set<String> SELLER_ROLES = java.util.Set.of("seller-admin", "seller-operator",
      "erp-integration");

  /**
   * A token allowed to call the operation (its roles, as the document lists them): a fresh seller's when a seller
   * role may call it, so every id is one the caller does not have; else the staff role's (a platform admin's).
   */
  private static String tokenFor(com.fasterxml.jackson.databind.JsonNode operation) {
    java.util.List<String> roles = new java.util.ArrayList<>();
    operation.path("security").forEach(requirement -> requirement.fields()
        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
    java.util.List<String> sellerRoles = roles.stream().filter(SELLER_ROLES::contains).toList();
    if (roles.isEmpty() || !sellerRoles.isEmpty()) {
      return TestTokens.seller("seller-" + java.util.UUID.randomUUID(),
          (roles.isEmpty() ? SELLER_ROLES.stream().toList() : sellerRoles).toArray(String[]::new));
    }
    return TestTokens.staff("staff-" + java.util.UUID.randomUUID(), roles.toArray(String[]::new));
  }

  /**
   * The path with each parameter replaced by an id nobody has: a random UUID where the parameter is one (so the
   * id is well formed and merely unknown), a random code otherwise; a parameter taking one of a fixed set of values
   * (a market) gets the first, since it names no owned thing.
   */
  private static String unknownIds(String path, com.fasterxml.jackson.databind.JsonNode pathItem,
      com.fasterxml.jackson.databind.JsonNode operation, com.fasterxml.jackson.databind.JsonNode document) {
    String url = path;
    java.util.List<com.fasterxml.jackson.databind.JsonNode> parameters = new java.util.ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (com.fasterxml.jackson.databind.JsonNode parameter : parameters) {
      if (!"path".equals(parameter.path("in").asText())) {
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode schema = schemaOf(parameter, document);
      String value;
      if (schema.path("enum").size() > 0) {
        value = schema.path("enum").get(0).asText();
      } else if ("uuid".equals(schema.path("format").asText())) {
        value = java.util.UUID.randomUUID().toString();
      } else {
        value = "UNKNOWN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      }
      url = url.replace("{" + parameter.path("name").asText() + "}", value);
    }
    return url;
  }

  /** Whether a path parameter of the operation names a thing (an id), not one of a fixed set of values. */
  private static boolean namesAThing(com.fasterxml.jackson.databind.JsonNode pathItem,
      com.fasterxml.jackson.databind.JsonNode operation, com.fasterxml.jackson.databind.JsonNode document) {
    java.util.List<com.fasterxml.jackson.databind.JsonNode> parameters = new java.util.ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    return parameters.stream().filter(parameter -> "path".equals(parameter.path("in").asText()))
        .anyMatch(parameter -> schemaOf(parameter, document).path("enum").isEmpty());
  }

  private static com.fasterxml.jackson.databind.JsonNode schemaOf(com.fasterxml.jackson.databind.JsonNode parameter,
      com.fasterxml.jackson.databind.JsonNode document) {
    com.fasterxml.jackson.databind.JsonNode schema = parameter.path("schema");
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#/components/schemas/")
        ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())) : schema;
  }

  /** The required query parameters, each filled with an id nobody has (they name things: {@code warehouseId}). */
  private static java.util.Map<String, String> requiredQuery(com.fasterxml.jackson.databind.JsonNode operation) {
    java.util.Map<String, String> query = new java.util.HashMap<>();
    operation.path("parameters").forEach(parameter -> {
      if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
        query.put(parameter.path("name").asText(), "UNKNOWN-" + java.util.UUID.randomUUID().toString().substring(0, 8));
      }
    });
    return query;
  }

  /** A read of one named thing: by a path parameter, or by required query parameters that are all ids. */
  private static boolean namesSomething(String path, com.fasterxml.jackson.databind.JsonNode operation) {
    java.util.Set<String> required = requiredQuery(operation).keySet();
    return path.contains("{") || (!required.isEmpty() && required.stream().allMatch(name -> name.endsWith("Id")));
  }

  /** The OpenAPI document this build serves, as JSON. */
  private static com.fasterxml.jackson.databind.JsonNode servedDocument() throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().queryParam("format", "json")
        .get("/q/openapi").then().statusCode(200).extract().asString());
  }

  /** @return null when the committed document matches, otherwise a message saying what to do */
  private String compareWithCommitted() throws IOException {
    String generated = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
        .extract().asString();
    Path committed = Path.of("..", "deploy", "openapi", service + ".yaml");
    if (Boolean.getBoolean(WRITE_PROPERTY)) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, generated, StandardCharsets.UTF_8);
      return null;
    }
    if (!Files.exists(committed)) {
      return committed + " is missing; run ./mvnw -B verify -D" + WRITE_PROPERTY + "=true and commit it";
    }
    String current = Files.readString(committed, StandardCharsets.UTF_8);
    if (!current.equals(generated)) {
      return committed + " differs from the API this build serves; if the change is intended run "
          + "./mvnw -B verify -D" + WRITE_PROPERTY + "=true and commit the file";
    }
    return null;
  }
}
