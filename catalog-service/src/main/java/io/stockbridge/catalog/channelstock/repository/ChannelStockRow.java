package io.stockbridge.catalog.channelstock.repository;

import java.time.OffsetDateTime;

import io.stockbridge.platform.persistence.SqlRow;

/** One row of {@code channel_stock}. */
public record ChannelStockRow(String warehouseId, long available, long sellable, long reserved, long version,
    OffsetDateTime changedAt, OffsetDateTime receivedAt) {
  static ChannelStockRow of(SqlRow row) {
    return new ChannelStockRow(row.text("warehouse_id"), row.number("available"), row.number("sellable"),
        row.number("reserved"), row.number("stock_version"), row.timestamp("changed_at"), row.timestamp("received_at"));
  }
}
