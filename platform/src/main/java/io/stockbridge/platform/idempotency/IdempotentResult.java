package io.stockbridge.platform.idempotency;

/**
 * The outcome of a write run under an idempotency key.
 *
 * @param value    the result: the first execution's, also on a replay
 * @param replayed true when this is a repeat answered from the stored first result
 */
public record IdempotentResult<T>(T value, boolean replayed) {
  /** Response header that tells a client it received a stored answer. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
}
