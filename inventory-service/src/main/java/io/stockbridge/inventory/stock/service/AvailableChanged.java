package io.stockbridge.inventory.stock.service;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event catalog-service receives when a SKU's available quantity in a warehouse changes; {@code version}
 * orders events of one item, so the newest wins however they arrive.
 */
@RegisterForReflection
public record AvailableChanged(String sellerSku, String warehouseId, long available, long sellable, long reserved,
    long version, OffsetDateTime changedAt) {
}
