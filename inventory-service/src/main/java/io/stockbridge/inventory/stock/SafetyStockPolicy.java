package io.stockbridge.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A SKU's replenishment policy in one warehouse (rule CNT-2): a threshold, not a stock edit")
public record SafetyStockPolicy(
    @Schema(description = "Units kept back from the channel; falling below it raises BELOW_SAFETY_STOCK",
        examples = "20") @NotNull @PositiveOrZero @Max(1_000_000_000L) Long safetyStock,
    @Schema(description = "Days a reorder takes to arrive, for REPLENISH suggestions; absent: the configured default",
        examples = "21") @PositiveOrZero @Max(365) Integer leadTimeDays) {
}
