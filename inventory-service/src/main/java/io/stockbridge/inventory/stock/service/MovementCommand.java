package io.stockbridge.inventory.stock.service;

import io.stockbridge.inventory.stock.repository.Bucket;

/**
 * One movement to apply: {@code quantity} units of a SKU in a warehouse from one bucket to another.
 */
public record MovementCommand(String sellerSku, String warehouseId, Bucket from, Bucket to, long quantity,
    String reason, String reference) {
}
