package io.stockbridge.catalog.channelpush.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.stockbridge.platform.persistence.SqlRow;

/** A claimed quantity on its way to the channel. */
public record PendingPush(UUID id, UUID connectionId, String channelProductId, String channelSkuId,
    String channelWarehouseId, long quantity, long stockVersion, OffsetDateTime changedAt, int attempts) {
  static PendingPush of(SqlRow row) {
    return new PendingPush(row.uuid("id"), row.uuid("connection_id"), row.text("channel_product_id"),
        row.text("channel_sku_id"), row.text("channel_warehouse_id"), row.number("quantity"),
        row.number("stock_version"), row.timestamp("changed_at"), row.integer("attempts"));
  }
}
