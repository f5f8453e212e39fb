package io.stockbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Makes the OIDC test server answer a client-credentials grant with a Stockbridge service-account token, as
 * Keycloak does for a service's client, so service-to-service calls carry a token the receiver really accepts.
 */
public final class ServiceAccountStub {
  // the OIDC client keeps the first token it was handed for its lifetime: every test of a JVM hands out that one
  private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

  private ServiceAccountStub() {
  }

  /** @return the token the stub hands out (the same for a client id throughout a JVM), to compare with what a receiver saw */
  public static String install(WireMockServer oidcServer, String clientId) {
    String token = TOKENS.computeIfAbsent(clientId, TestTokens::service);
    oidcServer.stubFor(post("/auth/realms/quarkus/token")
        .atPriority(1)
        .withRequestBody(containing("grant_type=client_credentials"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
    return token;
  }
}
