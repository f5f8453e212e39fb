package io.stockbridge.testing.platform.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.platform.security.OidcProviderReadiness;
import io.vertx.mutiny.core.Vertx;

/**
 * Readiness waits for the token issuer instead of start-up waiting for it: "not yet" until the issuer's discovery
 * document answers, then up for good.
 */
@QuarkusTest
class OidcProviderReadinessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void theServiceIsReadyOnceItsIssuerAnswers() {
    given().get("/q/health/ready").then().statusCode(200)
        .body("checks.name", hasItem("OIDC provider"));
  }

  @Test
  void anIssuerNotUpYetIsNotYetAndOnceItAnsweredAnOutageDoesNotMakeTheServiceUnready() {
    Vertx vertx = Vertx.vertx();
    WireMockServer issuer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    issuer.start();
    int port = issuer.port();
    try {
      OidcProviderReadiness readiness = new OidcProviderReadiness(vertx,
          "http://127.0.0.1:" + port + "/realms/stockbridge/");
      // the issuer is starting: it answers 503
      issuer.stubFor(get(urlEqualTo("/realms/stockbridge/.well-known/openid-configuration"))
          .willReturn(aResponse().withStatus(503)));
      HealthCheckResponse starting = readiness.call().await().atMost(WAIT);
      assertThat(starting.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(starting.getData().orElseThrow()).containsEntry("answer", 503L);

      issuer.stubFor(get(urlEqualTo("/realms/stockbridge/.well-known/openid-configuration"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
      assertThat(readiness.call().await().atMost(WAIT).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

      issuer.stop();
      assertThat(readiness.call().await().atMost(WAIT).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

      // an issuer nobody listens for yet: not yet, with the reason, and quickly
      HealthCheckResponse unreachable = new OidcProviderReadiness(vertx, "http://127.0.0.1:" + port
          + "/realms/stockbridge").call().await().atMost(WAIT);
      assertThat(unreachable.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(String.valueOf(unreachable.getData().orElseThrow().get("answer"))).startsWith("not yet");
    } finally {
      issuer.stop();
      vertx.closeAndAwait();
    }
  }
}
