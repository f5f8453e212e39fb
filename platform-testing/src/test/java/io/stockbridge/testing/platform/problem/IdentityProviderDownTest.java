package io.stockbridge.testing.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stockbridge.testing.TestTokens;

/** With the identity provider unreachable, a call is told to come back (503), not that we failed (500). */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.Unreachable.class)
class IdentityProviderDownTest {
  public static class Unreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // a port nothing listens on
      return Map.of("quarkus.oidc.auth-server-url", "http://localhost:1/realms/nowhere",
          "quarkus.oidc.connection-delay", "0s");
    }
  }

  @Test
  void aCallWhileTokensCannotBeCheckedIs503WithAProblem() {
    given().auth().oauth2(TestTokens.seller("seller-a", "seller-admin")).get("/v1/parcels").then().statusCode(503)
        .contentType(startsWith("application/problem+json")).header("Retry-After", "5")
        .body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
    given().get("/v1/parcels").then().statusCode(503).body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
  }
}
