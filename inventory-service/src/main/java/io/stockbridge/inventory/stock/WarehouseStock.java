package io.stockbridge.inventory.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A SKU's stock in one warehouse")
public record WarehouseStock(String sellerSku, String warehouseId, StockLevels levels) {
}
