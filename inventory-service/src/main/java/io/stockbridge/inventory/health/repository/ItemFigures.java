package io.stockbridge.inventory.health.repository;

import java.time.OffsetDateTime;

/** What the ledger holds of one SKU in one warehouse for the health report, before any judgement. */
public record ItemFigures(String sellerSku, String warehouseId, long onHand, long available, long unreserved,
    long safetyStock, long unitsSold, long unitsHeld, long olderThan90Days, long aged, OffsetDateTime lastReadingAt) {
}
