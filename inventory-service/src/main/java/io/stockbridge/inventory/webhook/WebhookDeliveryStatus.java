package io.stockbridge.inventory.webhook;

/** Where one event stands with one subscriber. */
public enum WebhookDeliveryStatus {
  /** Not answered with 2xx yet; tried again with back-off. */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Not delivered within the retry window; replayable. */
  DEAD,
  /** Its subscription was deleted before it was delivered. */
  CANCELLED
}
