package io.stockbridge.inventory.stock.repository;

import java.time.OffsetDateTime;

import io.stockbridge.platform.persistence.SqlRow;

/** What is left of one receipt into a warehouse, with the day it was received (rule STK-4). */
public record ReceiptLayer(String warehouseId, OffsetDateTime receivedAt, long remaining) {
  static ReceiptLayer of(SqlRow row) {
    return new ReceiptLayer(row.text("warehouse_id"), row.timestamp("received_at"), row.number("remaining"));
  }
}
