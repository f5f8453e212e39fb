package io.stockbridge.inventory.stock;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Many SKUs' stock in one call, optionally in one warehouse")
public record StockQuery(
    @NotEmpty @Size(max = 500) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> sellerSkus,
    @Schema(description = "Only this warehouse's balances (and availability) when given")
    @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String warehouseId) {
}
