package io.stockbridge.gateway.polling.service;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.client.PartnerError;
import io.stockbridge.gateway.polling.client.PolledItem;
import io.stockbridge.gateway.polling.client.RateLimited;
import io.stockbridge.gateway.polling.config.PollingConfig;

/**
 * One fault-tolerance guard per warehouse (timeout, retry with exponential backoff, circuit breaker), so that a
 * failing or slow partner opens its own breaker and never the others'. Annotations would give one breaker for all
 * warehouses, hence the programmatic guards. A partner's explicit refusal (bad credentials, rate limit) is not
 * retried at once; a rate limit does not count against the breaker.
 */
@ApplicationScoped
public class PollGuards {
  private static final TypeLiteral<Uni<List<PolledItem>>> POLL = new TypeLiteral<>() {
  };

  private final PollingConfig config;
  private final ConcurrentHashMap<UUID, TypedGuard<Uni<List<PolledItem>>>> guards = new ConcurrentHashMap<>();

  public PollGuards(PollingConfig config) {
    this.config = config;
  }

  public TypedGuard<Uni<List<PolledItem>>> of(UUID warehouseId) {
    return guards.computeIfAbsent(warehouseId, id -> TypedGuard.create(POLL)
        .withDescription("poll of warehouse " + id)
        .withTimeout().duration(config.pollTimeout().toMillis(), ChronoUnit.MILLIS).done()
        .withRetry().maxRetries(config.retries()).delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
        .abortOn(List.of(RateLimited.class, PartnerError.class))
        .withExponentialBackoff().factor(2).maxDelay(config.pollTimeout().toMillis(), ChronoUnit.MILLIS).done()
        .done()
        .withCircuitBreaker().requestVolumeThreshold(config.circuitBreakerVolume())
        .failureRatio(config.circuitBreakerFailureRatio())
        .delay(config.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
        .skipOn(RateLimited.class).done()
        .build());
  }

  /** Forgets a warehouse's guard (its breaker starts closed again), e.g. after its credentials changed. */
  public void forget(UUID warehouseId) {
    guards.remove(warehouseId);
  }
}
