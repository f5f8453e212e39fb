package io.stockbridge.console.stock.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A SKU's stock in one warehouse. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseStock(String sellerSku, String warehouseId, StockLevels levels) {
}
