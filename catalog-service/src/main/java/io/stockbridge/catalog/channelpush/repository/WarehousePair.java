package io.stockbridge.catalog.channelpush.repository;

/** A Stockbridge warehouse and the channel shop's warehouse that shows its stock. */
public record WarehousePair(String warehouseId, String channelWarehouseId) {
}
