package io.stockbridge.compliance.inci;

import static io.stockbridge.compliance.Fixtures.newSeller;
import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class InciResourceTest {

  @Test
  void tellsEachIngredientsStandingAndTheNameToUse_CMP3() {
    as(newSeller().token()).queryParam("name", "Purified Water", "Aqua", "Unicorn Tears").get("/v1/inci-names")
        .then().statusCode(200)
        .body("verdict", contains("NOT_INCI", "INCI", "UNKNOWN"))
        .body("inciName", contains("Aqua", "Aqua", null));
  }

  @Test
  void needsATokenAndAtLeastOneName() {
    anonymous().queryParam("name", "Aqua").get("/v1/inci-names").then().statusCode(401);
    as(newSeller().token()).get("/v1/inci-names").then().statusCode(400).contentType("application/problem+json");
    as(TestTokens.service("catalog-service")).queryParam("name", "Aqua").get("/v1/inci-names").then().statusCode(403);
  }
}
