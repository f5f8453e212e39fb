package io.stockbridge.platform.fault;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.util.TypeLiteral;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * How a call is guarded: its timeout, how often a failure is tried again, and when its circuit breaker opens.
 *
 * @param timeout        how long one try may take
 * @param retries        how many more tries a failure gets (0: none, for calls that must not be repeated)
 * @param retryDelay     the wait before a further try
 * @param jitter         how much that wait varies, so that callers do not retry in step
 * @param breakerVolume  how many recent calls the breaker looks at
 * @param failureRatio   the share of those that must have failed for it to open
 * @param breakerDelay   how long it stays open before it lets a trial call through
 * @param answer         a failure that is the other side's answer (a refusal): never tried again, never opens the
 *                       breaker; null when there is none
 */
public record GuardShape(Duration timeout, int retries, Duration retryDelay, Duration jitter, int breakerVolume,
    double failureRatio, Duration breakerDelay, Class<? extends Throwable> answer) {

  /** A call under a timeout and a breaker that opens when half of the last 20 failed, for 10 s; no retries. */
  public static GuardShape timeout(Duration timeout) {
    return new GuardShape(timeout, 0, Duration.ZERO, Duration.ZERO, 20, 0.5, Duration.ofSeconds(10), null);
  }

  public GuardShape withTimeout(Duration other) {
    return new GuardShape(other, retries, retryDelay, jitter, breakerVolume, failureRatio, breakerDelay, answer);
  }

  public GuardShape retried(int retries, Duration delay, Duration jitter) {
    return new GuardShape(timeout, retries, delay, jitter, breakerVolume, failureRatio, breakerDelay, answer);
  }

  public GuardShape breaker(int volume, double ratio, Duration delay) {
    return new GuardShape(timeout, retries, retryDelay, jitter, volume, ratio, delay, answer);
  }

  public GuardShape answeredBy(Class<? extends Throwable> refusal) {
    return new GuardShape(timeout, retries, retryDelay, jitter, breakerVolume, failureRatio, breakerDelay, refusal);
  }

  /** The guard; the calls it guards are non-blocking, so it never moves them to another thread. */
  <T> TypedGuard<Uni<T>> build(TypeLiteral<Uni<T>> type) {
    TypedGuard.Builder<Uni<T>> builder = TypedGuard.create(type)
        .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done();
    if (retries > 0) {
      TypedGuard.Builder.RetryBuilder<Uni<T>> retry = builder.withRetry().maxRetries(retries)
          .delay(retryDelay.toMillis(), ChronoUnit.MILLIS);
      if (!jitter.isZero()) {
        retry.jitter(jitter.toMillis(), ChronoUnit.MILLIS);
      }
      if (answer != null) {
        retry.abortOn(answer);
      }
      builder = retry.done();
    }
    TypedGuard.Builder.CircuitBreakerBuilder<Uni<T>> breaker = builder.withCircuitBreaker()
        .requestVolumeThreshold(breakerVolume).failureRatio(failureRatio)
        .delay(breakerDelay.toMillis(), ChronoUnit.MILLIS);
    if (answer != null) {
      breaker.skipOn(answer);
    }
    return breaker.done().withThreadOffload(false).build();
  }
}
