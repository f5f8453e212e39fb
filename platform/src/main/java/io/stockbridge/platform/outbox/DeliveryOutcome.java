package io.stockbridge.platform.outbox;

/**
 * What became of one delivery attempt.
 */
public enum DeliveryOutcome {
  /** The receiver answered 2xx: done. */
  DELIVERED,
  /**
   * The receiver refused the event for good (a 4xx that is not marked retryable, nor 408/429): retrying cannot
   * help, so it becomes a dead letter at once, with the receiver's reason.
   */
  DEAD,
  /**
   * Not now: the receiver was unreachable, slow, answered 5xx/408/429, or answered that it does not know something
   * the event names yet (a problem with {@code "retryable": true}). Tried again after a backoff, until the retry
   * window closes; then it becomes a dead letter.
   */
  RETRY
}
