package io.stockbridge.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.List;
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

  /** Generated clients read every public answer; {@link #answersWithoutSchemaYet} is held exactly, to shrink. */
  @Test
  void everyPublicAnswerWithABodyNamesItsSchema() throws IOException {
    Assertions.assertEquals(new java.util.TreeSet<>(answersWithoutSchemaYet()),
        ClientGeneration.answersWithoutSchema(servedDocument()),
        "public answers whose body has no schema (a generated client returns nothing for them)");
  }

  /** Public operations whose answer has no schema yet (issue 18 types them), as {@code "POST /v1/things"}. */
  protected java.util.Set<String> answersWithoutSchemaYet() {
    return java.util.Set.of();
  }

  @Test
  void schemasGenerateClientsThatCompile() throws IOException {
    Assertions.assertEquals(List.of(), ClientGeneration.schemaProblems(servedDocument()), "schemas generators trip on");
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
      if (!path.getKey().startsWith("/v1/") || get.isMissingNode() || !OpenApiOperations.namesSomething(path.getKey(), get)) {
        return;
      }
      String url = OpenApiOperations.unknownIds(path.getKey(), path.getValue(), get, document);
      int status = given().auth().oauth2(OpenApiOperations.tokenFor(get)).queryParams(OpenApiOperations.requiredQuery(get)).get(url).then().extract()
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
        if (operation.isMissingNode() || !OpenApiOperations.namesAThing(path.getValue(), operation, document)) {
          continue;
        }
        String key = method + " " + path.getKey();
        io.restassured.specification.RequestSpecification request = given().auth().oauth2(OpenApiOperations.tokenFor(operation))
            .queryParams(OpenApiOperations.requiredQuery(operation));
        request = withSampleBody(request, key, operation, samples);
        if (request == null) {
          wrong.add(key + " has no sample body in this service's OpenApiContractTest.sampleBodies()");
          continue;
        }
        String url = OpenApiOperations.unknownIds(path.getKey(), path.getValue(), operation, document);
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

  /**
   * Makes one thing of each kind this service's API names, all of the given seller, as that seller (or the service
   * that makes it) would, and answers their ids for {@link #everyOperationOnAnotherSellersThingAnswers404}: keyed by
   * the parameter that names them ({@code sellerSku}), or by collection and parameter where one name means different
   * things in different collections ({@code products.id}). A dead letter ({@code dead-letters.id}) is made here for
   * every service.
   */
  protected java.util.Map<String, String> ownSomething(String sellerId) {
    return java.util.Map.of();
  }

  /**
   * Issue 13, scenario 5, with another seller's ids: every {@code /v1} operation a seller may call that names
   * something (by a path parameter, or a required query parameter ending in {@code Id}) answers 404 when it names
   * another seller's thing, reads and changes alike; afterwards every read still answers 200 to the thing's seller, so
   * the ids were real and no change of the stranger's touched them. An operation naming something for which
   * {@link #ownSomething} has no id fails the test, so a new endpoint cannot slip past it.
   */
  @Test
  void everyOperationOnAnotherSellersThingAnswers404() throws IOException {
    String owner = "seller-" + java.util.UUID.randomUUID();
    String stranger = "seller-" + java.util.UUID.randomUUID();
    java.util.Map<String, String> owned = new java.util.HashMap<>(ownSomething(owner));
    owned.put("dead-letters.id", deadLetterOf(owner));
    java.util.Map<String, SampleBody> samples = sampleBodies();
    java.util.List<String> wrong = new java.util.ArrayList<>();
    java.util.List<String> checked = new java.util.ArrayList<>();
    java.util.List<OwnedRead> reads = new java.util.ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode document = servedDocument();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      String method = entry.getKey().toUpperCase(java.util.Locale.ROOT);
      com.fasterxml.jackson.databind.JsonNode operation = entry.getValue();
      String[] roles = OpenApiOperations.sellerRolesOf(operation);
      java.util.List<com.fasterxml.jackson.databind.JsonNode> naming = OpenApiOperations.namingParameters(path.getValue(), operation, document);
      if (!path.getKey().startsWith("/v1/") || "PARAMETERS".equals(method) || roles.length == 0 || naming.isEmpty()) {
        return;
      }
      String key = method + " " + path.getKey();
      String url = path.getKey();
      java.util.Map<String, String> query = new java.util.HashMap<>(OpenApiOperations.requiredQuery(operation));
      for (com.fasterxml.jackson.databind.JsonNode parameter : naming) {
        String name = parameter.path("name").asText();
        String id = owned.getOrDefault(OpenApiOperations.collectionOf(path.getKey()) + "." + name, owned.get(name));
        if (id == null) {
          wrong.add(key + ": ownSomething() has no id for " + name);
          return;
        }
        if ("path".equals(parameter.path("in").asText())) {
          url = url.replace("{" + name + "}", id);
        } else {
          query.put(name, id);
        }
      }
      io.restassured.specification.RequestSpecification request =
          given().auth().oauth2(TestTokens.seller(stranger, roles)).queryParams(query);
      request = withSampleBody(request, key, operation, samples);
      if (request == null) {
        wrong.add(key + " has no sample body in this service's OpenApiContractTest.sampleBodies()");
        return;
      }
      int status = request.request(method, url).then().extract().statusCode();
      checked.add(method + " " + url);
      if (status != 404) {
        wrong.add(method + " " + url + " answered another seller " + status);
      }
      if ("GET".equals(method)) {
        reads.add(new OwnedRead(url, roles[0], query));
      }
    }));
    for (OwnedRead read : reads) {
      int own = given().auth().oauth2(TestTokens.seller(owner, read.role())).queryParams(read.query()).get(read.url())
          .then().extract().statusCode();
      if (own != 200) {
        wrong.add("GET " + read.url() + " answered its own seller " + own + " after another seller's calls");
      }
    }
    Assertions.assertTrue(wrong.isEmpty(), "operations on another seller's things: " + wrong);
    System.out.println(service + ": " + checked.size() + " operations on another seller's things answered 404, "
        + reads.size() + " reads of them 200 to their seller");
  }

  /** The request with the operation's sample body when it requires one; null when it has none. */
  private static io.restassured.specification.RequestSpecification withSampleBody(
      io.restassured.specification.RequestSpecification request, String key,
      com.fasterxml.jackson.databind.JsonNode operation, java.util.Map<String, SampleBody> samples) {
    if (!operation.path("requestBody").path("required").asBoolean(false)) {
      return request;
    }
    SampleBody sample = samples.get(key);
    return sample == null ? null
        : request.headers(sample.headers()).contentType(sample.contentType()).body(sample.body());
  }

  /** A read of a seller's thing, made again as that seller once the stranger's calls are done. */
  private record OwnedRead(String url, String role, java.util.Map<String, String> query) {
  }

  /** A dead letter of the seller's in this service's outbox, as a receiver's final refusal leaves one. */
  private static String deadLetterOf(String sellerId) {
    java.util.UUID id = java.util.UUID.randomUUID();
    io.quarkus.arc.Arc.container().instance(io.vertx.mutiny.sqlclient.Pool.class).get()
        .preparedQuery("insert into outbox_event (id, seller_id, destination, path, event_type, payload, status, "
            + "attempts, dead_at, receiver_status, receiver_code, last_error) values ($1, $2, 'contract-test', "
            + "'/nowhere', 'ContractTestEvent', '{}', 'DEAD', 1, now(), 422, 'CONTRACT_TEST', "
            + "'refused for the contract test')")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(id, sellerId)).await().indefinitely();
    return id.toString();
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
