package io.stockbridge.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A hand edit of a SKU's sellable quantity and safety stock in one warehouse")
public record StockEdit(
    @Schema(description = "Units on the shelf; never below what is reserved") @NotNull @PositiveOrZero
    @Max(1_000_000_000L) Long sellable,
    @Schema(description = "Units kept back from the channel; unchanged when absent") @PositiveOrZero
    @Max(1_000_000_000L) Long safetyStock,
    @Schema(description = "Why the stock is edited, for the audit trail") @NotBlank @Size(max = 500) String reason) {
}
