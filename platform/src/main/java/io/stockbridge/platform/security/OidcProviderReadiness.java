package io.stockbridge.platform.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Ready only once the token issuer has answered: a service starts without waiting for Keycloak (the OIDC extension
 * retries its discovery when a request needs it), and readiness says "not yet" meanwhile instead of start-up hanging.
 * Once the issuer has answered, this check stays up: tokens are verified with the keys already fetched, so an
 * issuer's short outage must not take every replica out of service at once.
 */
@Readiness
@ApplicationScoped
public class OidcProviderReadiness implements AsyncHealthCheck {
  private static final String NAME = "OIDC provider";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final WebClient client;
  private final String discoveryUrl;
  private final AtomicBoolean reached = new AtomicBoolean();

  public OidcProviderReadiness(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) TIMEOUT.toMillis()));
    this.discoveryUrl = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    if (reached.get()) {
      return Uni.createFrom().item(HealthCheckResponse.named(NAME).up().build());
    }
    return client.getAbs(discoveryUrl).timeout(TIMEOUT.toMillis()).send()
        .map(response -> {
          boolean up = response.statusCode() == 200;
          if (up) {
            reached.set(true);
          }
          return HealthCheckResponse.named(NAME).status(up).withData("discovery", discoveryUrl)
              .withData("answer", response.statusCode()).build();
        })
        .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
            .withData("discovery", discoveryUrl).withData("answer", "not yet: " + failure.getMessage()).build());
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
