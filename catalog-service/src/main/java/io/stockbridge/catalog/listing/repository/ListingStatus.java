package io.stockbridge.catalog.listing.repository;

import java.util.Optional;

/** Where a listing stands (LST-1..5). */
public enum ListingStatus {
  /** Made, never published. */
  DRAFT,
  /** A publication is running: checks, compliance, the channel's call. */
  PUBLISHING,
  /** Submitted; the channel's audit result arrives later by webhook. Stock edits are locked meanwhile (INV-1). */
  IN_REVIEW,
  /** On sale. */
  LIVE,
  /** Refused, with its failures; may be published again (LST-4 permitting). */
  FAILED,
  /** The channel's delist call is in flight (stock drift, LST-5); stock edits are locked meanwhile (INV-1). */
  DELISTING,
  /** Taken off the channel because its stock drifted from the ledger's (LST-5); needs a recalibration. */
  DELISTED,
  /** Frozen by the channel for a violation; stock edits are locked (INV-1). */
  FROZEN;

  /** The ledger's edit lock this status holds on the listing's SKUs (INV-1), by its path name. */
  public Optional<String> editLock() {
    return switch (this) {
      case IN_REVIEW -> Optional.of("under-review");
      case FROZEN -> Optional.of("frozen");
      case DELISTING -> Optional.of("delisting");
      default -> Optional.empty();
    };
  }
}
