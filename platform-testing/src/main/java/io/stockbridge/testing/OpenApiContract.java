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
    String generated = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
        .extract().asString();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.List<String> repeated = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper().readTree(generated).path("paths")
        .forEach(path -> path.forEach(operation -> {
          String id = operation.path("operationId").asText(null);
          if (id != null && !seen.add(id)) {
            repeated.add(id);
          }
        }));
    Assertions.assertTrue(repeated.isEmpty(), "operation ids used more than once: " + repeated);
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
