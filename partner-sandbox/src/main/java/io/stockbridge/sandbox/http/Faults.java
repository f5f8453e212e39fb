package io.stockbridge.sandbox.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults a partner API shows on demand: the next calls fail with a status, are rate limited, or every call is slow.
 */
public final class Faults {
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger failStatus = new AtomicInteger(503);
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

  /** What happens to one call. */
  public enum Outcome {
    SERVE, FAIL, RATE_LIMIT
  }

  /** The next {@code calls} calls answer {@code status} (e.g. 503). */
  public Faults failNext(int calls, int status) {
    failStatus.set(status);
    failNext.set(calls);
    return this;
  }

  /** The next {@code calls} calls are refused as rate limited, in the partner's own way. */
  public Faults rateLimitNext(int calls) {
    rateLimitNext.set(calls);
    return this;
  }

  /** Every call waits this long before it is answered. */
  public Faults delay(Duration value) {
    delay.set(value);
    return this;
  }

  public Faults clear() {
    failNext.set(0);
    rateLimitNext.set(0);
    delay.set(Duration.ZERO);
    return this;
  }

  public int failStatus() {
    return failStatus.get();
  }

  public Duration delay() {
    return delay.get();
  }

  public Outcome next() {
    if (takeOne(rateLimitNext)) {
      return Outcome.RATE_LIMIT;
    }
    return takeOne(failNext) ? Outcome.FAIL : Outcome.SERVE;
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
