package io.stockbridge.inventory.ownership.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One recorded change of a SKU's owner (INV-2, INV-6, CH-2): what governed before, what was asked for, by whom.
 */
@Schema(description = "One change of who owns a SKU's stock, from the append-only ownership log")
@RegisterForReflection
public record OwnershipLogEntry(
    @Schema(description = "Position in the log; increases with every change") long id,
    @Schema(description = "The seller's SKU code") String sellerSku,
    @Schema(description = "The mode that governed when the change was asked for; absent for a SKU's first owner")
    OwnershipMode fromMode,
    @Schema(description = "The integration that owned it then, when EXTERNAL") String fromIntegrationId,
    @Schema(description = "The mode asked for") OwnershipMode toMode,
    @Schema(description = "The integration asked for, when EXTERNAL") String toIntegrationId,
    @Schema(description = "When the new mode governs") OffsetDateTime effectiveAt,
    @Schema(description = "Who asked for it") String actor,
    @Schema(description = "The switch of many SKUs this change was part of; absent for a one-SKU change")
    UUID switchId,
    @Schema(description = "When it was asked for") OffsetDateTime at) {

  /** The change a SKU's ownership just went through; {@code before} is null for its first owner. */
  public static OwnershipLogEntry of(SkuOwnership after, OwnershipMode fromMode, String fromIntegrationId,
      UUID switchId) {
    return new OwnershipLogEntry(0, after.sellerSku, fromMode, fromIntegrationId, after.mode, after.integrationId,
        after.effectiveAt, after.changedBy, switchId, after.changedAt);
  }
}
