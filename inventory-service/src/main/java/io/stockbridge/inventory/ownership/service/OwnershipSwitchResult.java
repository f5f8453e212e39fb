package io.stockbridge.inventory.ownership.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.ownership.repository.OwnershipMode;

/**
 * What a switch of many SKUs did.
 */
@Schema(description = "The outcome of an ownership switch; repeating the same switch changes nothing more")
public record OwnershipSwitchResult(
    @Schema(description = "Groups this switch's entries in the ownership log; absent when nothing changed")
    UUID switchId,
    @Schema(description = "The mode asked for") OwnershipMode mode,
    @Schema(description = "The integration asked for, when EXTERNAL") String integrationId,
    @Schema(description = "SKUs whose owner changed now") int changed,
    @Schema(description = "SKUs that already had this owner") int unchanged,
    @Schema(description = "When the last changed SKU's new owner governs (the channel's cache refresh window, INV-6); "
        + "absent when nothing changed") OffsetDateTime effectiveAt) {
}
