package io.stockbridge.console.stock.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A SKU's stock in one warehouse. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseStock(String sellerSku, String warehouseId, StockLevels levels) {
}
