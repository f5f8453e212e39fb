package io.stockbridge.catalog.listing.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.fault.GuardShape;
import io.stockbridge.platform.fault.KeyedGuards;

/**
 * Asks compliance-service whether a product may be published (CMP-1..4, LST-2). The check only reads and records,
 * so failures are retried; a circuit breaker per seller keeps a down compliance-service from holding every
 * publication, and one seller's checks that keep failing from holding back another's.
 */
@ApplicationScoped
public class ComplianceClient {
  private final ComplianceCheckRestClient rest;
  private final KeyedGuards<ComplianceVerdict> guards = KeyedGuards.of(new TypeLiteral<Uni<ComplianceVerdict>>() {
  }, GuardShape.timeout(Duration.ofSeconds(10)).retried(2, Duration.ofMillis(300), Duration.ofMillis(100))
      .breaker(10, 0.5, Duration.ofSeconds(30)).answeredBy(ComplianceRefusal.class));

  public ComplianceClient(@RestClient ComplianceCheckRestClient rest) {
    this.rest = rest;
  }

  public Uni<ComplianceVerdict> check(String sellerId, ComplianceCheckRequest request) {
    return guards.call(sellerId, () -> rest.check(sellerId, request)
        .onFailure(ComplianceRefusal::isRefusal).transform(e -> new ComplianceRefusal(
            ((jakarta.ws.rs.WebApplicationException) e).getResponse())));
  }
}
