package io.stockbridge.inventory.stock;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A SKU's stock in every warehouse, and what it adds up to")
public record SkuStock(String sellerSku, List<WarehouseStock> warehouses,
    @Schema(description = "Available to sell over all warehouses") long available) {
}
