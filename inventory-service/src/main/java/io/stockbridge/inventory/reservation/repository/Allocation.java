package io.stockbridge.inventory.reservation.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Units of one order line reserved in one warehouse.
 */
@RegisterForReflection
public record Allocation(int lineNo, String sellerSku, String warehouseId, long quantity) {
}
