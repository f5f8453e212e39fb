package io.stockbridge.inventory.ownership.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.ownership.repository.OwnershipMode;
import io.stockbridge.inventory.ownership.repository.SkuOwnership;

/**
 * A SKU's ownership as the API shows it.
 */
@Schema(description = "Who owns a SKU's stock, and when the last change takes effect (rules INV-2, INV-6)")
public record OwnershipView(
    @Schema(description = "The seller's SKU code") String sellerSku,
    @Schema(description = "The mode last requested") OwnershipMode mode,
    @Schema(description = "The owning integration's client id, when EXTERNAL") String integrationId,
    @Schema(description = "The mode that governs edits right now") OwnershipMode effectiveMode,
    @Schema(description = "When the requested mode governs (the channel's cache refresh window after the change)")
    OffsetDateTime effectiveAt,
    @Schema(description = "Optimistic version, also sent as ETag") long version) {

  public static OwnershipView of(SkuOwnership ownership, OffsetDateTime now) {
    return new OwnershipView(ownership.sellerSku, ownership.mode, ownership.integrationId,
        ownership.modeAt(now), ownership.effectiveAt, ownership.version);
  }
}
