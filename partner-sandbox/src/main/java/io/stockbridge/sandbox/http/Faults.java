package io.stockbridge.sandbox.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults a partner API shows on demand: the next calls fail with a status, are rate limited or answer too late
 * (after taking effect), or every call is slow.
 */
public final class Faults {
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger failStatus = new AtomicInteger(503);
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  private final AtomicInteger lateAnswerNext = new AtomicInteger();
  private final AtomicReference<Duration> lateAnswerDelay = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<String> lateAnswerPath = new AtomicReference<>();

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

  /**
   * The next {@code calls} calls to {@code path} (any path when null) are carried out, but their answers wait
   * {@code delay} before they leave: a client that gave up meanwhile does not know that its call took effect.
   */
  public Faults lateAnswerNext(String path, int calls, Duration delay) {
    lateAnswerPath.set(path);
    lateAnswerDelay.set(delay);
    lateAnswerNext.set(calls);
    return this;
  }

  /** How long the answer of a call to {@code path}, just carried out, is to wait (zero for most calls). */
  public Duration answerDelay(String path) {
    String only = lateAnswerPath.get();
    return (only == null || only.equals(path)) && takeOne(lateAnswerNext) ? lateAnswerDelay.get() : Duration.ZERO;
  }

  public Faults clear() {
    lateAnswerNext.set(0);
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

  /** Holds the calling thread for a while, as a slow partner holds the connection. */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
