package io.stockbridge.catalog.channelstock;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "inventory-service's report that an item's available quantity changed (absolute, versioned)")
public record AvailableChange(
    @NotBlank @Size(max = 64) String sellerSku,
    @NotBlank @Size(max = 64) String warehouseId,
    @Schema(description = "Sellable minus reserved: what the channel may sell") @Min(0) @Max(1_000_000_000_000L) long available,
    @Min(0) long sellable,
    @Min(0) long reserved,
    @Schema(description = "The balance's version in the ledger; a report with a lower one is older") @Min(0) long version,
    @NotNull OffsetDateTime changedAt) {
}
