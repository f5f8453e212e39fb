package io.stockbridge.catalog.listing.repository;

/** How a publication attempt ended. */
public enum AttemptOutcome {
  /** The channel listed the product at once. */
  LIVE,
  /** The channel took the product into its audit; the result arrives by webhook. */
  IN_REVIEW,
  /** Refused for the product's own reasons, with its failures. */
  FAILED,
  /** Stopped before the channel for a reason not the product's (a dependency down, the connection, a lock). */
  NOT_SUBMITTED
}
