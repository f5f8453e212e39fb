package io.stockbridge.platform.outbox;

/**
 * What became of one delivery attempt.
 */
public enum DeliveryOutcome {
  /** The receiver answered 2xx: done. */
  DELIVERED,
  /** The receiver refused the event itself (4xx other than 408/429): retrying cannot help; kept for inspection. */
  REJECTED,
  /** The receiver was unreachable, slow or answered 5xx/408/429: try again after a backoff. */
  RETRY
}
