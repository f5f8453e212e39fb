package io.stockbridge.catalog.listing.repository;

/** How far a publication attempt got. */
public enum AttemptStage {
  /** The product's own data and images (LST-3). */
  LOCAL,
  /** compliance-service's publication check. */
  COMPLIANCE,
  /** The channel's product call. */
  CHANNEL
}
