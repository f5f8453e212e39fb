package io.stockbridge.catalog.channelstock.repository;

import java.time.OffsetDateTime;

/** One row of {@code channel_stock}. */
public record ChannelStockRow(String warehouseId, long available, long sellable, long reserved, long version,
    OffsetDateTime changedAt, OffsetDateTime receivedAt) {
}
