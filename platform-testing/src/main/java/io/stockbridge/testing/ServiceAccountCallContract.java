package io.stockbridge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.vertx.VertxContextSupport;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;

/**
 * Extend it as a {@code @QuarkusTest} in every service, with {@link OutboxDestinationStub} registered as destination
 * {@value #DESTINATION}: it proves that this service's calls to other services carry a client-credentials token it
 * obtained itself, i.e. that its OIDC client and its REST client filter are wired.
 */
public abstract class ServiceAccountCallContract {
  public static final String DESTINATION = "contract-probe";
  private static final String PATH = "/internal/v1/contract-probe";

  @InjectDestination
  WireMockServer destination;

  @OidcWireMock
  WireMockServer oidc;

  @Inject
  Outbox outbox;

  @Inject
  OutboxDispatcher dispatcher;

  @Test
  void callsToOtherServicesCarryThisServicesClientCredentialsToken() throws Throwable {
    String serviceToken = ServiceAccountStub.install(oidc, "this-service");
    destination.stubFor(post(PATH).willReturn(ok()));

    UUID eventId = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(
        new OutboxMessage(DESTINATION, PATH, "contract.probe", "seller-a", Map.of("probe", true)))));
    dispatcher.dispatch("contract-test").await().atMost(Duration.ofSeconds(30));

    List<LoggedRequest> received = destination.findAll(postRequestedFor(urlEqualTo(PATH)));
    Assertions.assertEquals(1, received.size(), "the event reaches the other service once");
    LoggedRequest request = received.get(0);
    Assertions.assertEquals("Bearer " + serviceToken, request.getHeader("Authorization"));
    Assertions.assertEquals(eventId.toString(), request.getHeader("Idempotency-Key"));
    Assertions.assertEquals("seller-a", request.getHeader("Stockbridge-Seller-Id"));
  }
}
