package io.stockbridge.catalog.listing.repository;

import java.time.OffsetDateTime;

import io.stockbridge.platform.persistence.SqlRow;

/** A seller SKU that may not be published until a time (LST-4), and why. */
public record PublicationLock(String sellerSku, OffsetDateTime lockedUntil, String reason) {
  static PublicationLock of(SqlRow row) {
    return new PublicationLock(row.text("seller_sku"), row.timestamp("locked_until"), row.text("reason"));
  }
}
