package io.stockbridge.platform.fault;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off: the wait after the n-th failure in a row doubles from {@code first} up to {@code cap}, and
 * grows by up to {@code jitter} of itself at random, so that many callers failing together do not retry in lockstep.
 */
public record Backoff(Duration first, Duration cap, double jitter) {
  public Backoff {
    if (first.isNegative() || cap.compareTo(first) < 0 || jitter < 0) {
      throw new IllegalArgumentException("a back-off needs 0 <= first <= cap and a jitter of 0 or more");
    }
  }

  /** Doubling from {@code first} up to {@code cap}, without jitter. */
  public static Backoff doubling(Duration first, Duration cap) {
    return new Backoff(first, cap, 0);
  }

  /** The same back-off, each wait grown by up to this share of itself at random. */
  public Backoff withJitter(double share) {
    return new Backoff(first, cap, share);
  }

  /** The wait after {@code failures} failures in a row: {@code first} after the first one. */
  public Duration after(int failures) {
    long firstMillis = first.toMillis();
    long capMillis = cap.toMillis();
    long doubled = firstMillis << Math.min(Math.max(failures - 1, 0), 30);
    long capped = doubled <= 0 || doubled > capMillis ? capMillis : doubled;
    long grown = jitter == 0 ? 0 : (long) (capped * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped + grown);
  }
}
