package io.stockbridge.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Extend it as a {@code @QuarkusIntegrationTest} in every service: it runs against the packaged application (the JVM
 * jar, or the native executable with {@code -Dnative}), so it proves what only a packaged build can get wrong: the
 * service starts, migrates and reaches its database, validates real tokens, and writes problem documents and JSON
 * (reflection a native image must have registered). Nothing here looks inside the process.
 */
public abstract class PackagedServiceContract {

  @Test
  void itStartsAndIsReadyWithItsDatabase() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void itRefusesACallWithoutAToken() {
    given().get("/v1/dead-letters").then().statusCode(401);
  }

  @Test
  void itAnswersASellerWithJsonAndAnUnknownThingWithAProblem() {
    String seller = TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin");
    given().auth().oauth2(seller).get("/v1/dead-letters").then().statusCode(200)
        .contentType(startsWith("application/json")).body("items.size()", equalTo(0));
    given().auth().oauth2(seller).get("/v1/dead-letters/" + UUID.randomUUID()).then().statusCode(404)
        .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
  }
}
