package io.stockbridge.catalog.listing.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * Asks compliance-service whether a product may be published (CMP-1..4, LST-2). The check only reads and records,
 * so failures are retried; a circuit breaker keeps a down compliance-service from holding every publication.
 */
@ApplicationScoped
public class ComplianceClient {
  private final ComplianceCheckRestClient rest;

  public ComplianceClient(@RestClient ComplianceCheckRestClient rest) {
    this.rest = rest;
  }

  @Timeout(value = 10, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 300, jitter = 100, abortOn = ComplianceRefusal.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      skipOn = ComplianceRefusal.class)
  public Uni<ComplianceVerdict> check(String sellerId, ComplianceCheckRequest request) {
    return rest.check(sellerId, request)
        .onFailure(ComplianceRefusal::isRefusal).transform(e -> new ComplianceRefusal(
            ((jakarta.ws.rs.WebApplicationException) e).getResponse()));
  }
}
