package io.stockbridge.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the OpenAPI document committed under {@code deploy/openapi/} equal to the one the service generates, so
 * integrators always generate clients from the current contract.
 * <p>
 * After an intended API change, refresh the committed files with
 * {@code ./mvnw -B verify -Dstockbridge.openapi.write=true} and commit them.
 */
public final class OpenApiContract {
  public static final String WRITE_PROPERTY = "stockbridge.openapi.write";

  private OpenApiContract() {
  }

  /** @return null when the committed document matches, otherwise a message saying what to do */
  public static String compareWithCommitted(String service) throws IOException {
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
