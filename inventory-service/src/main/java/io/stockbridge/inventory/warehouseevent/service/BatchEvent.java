package io.stockbridge.inventory.warehouseevent.service;

import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;

/**
 * A batch event that passed reading and validation. {@code batchId} is the sender's id for it (its outbox event),
 * which the answer must echo; the event's own {@code eventId} is what makes applying it idempotent.
 */
record BatchEvent(int index, String batchId, String sellerId, WarehouseEvent event) {

  StockItem item() {
    return new StockItem(sellerId, event.sellerSku(), event.warehouseId());
  }
}
