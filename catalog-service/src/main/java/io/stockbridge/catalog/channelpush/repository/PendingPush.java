package io.stockbridge.catalog.channelpush.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A claimed quantity on its way to the channel. */
public record PendingPush(UUID id, UUID connectionId, String channelProductId, String channelSkuId,
    String channelWarehouseId, long quantity, long stockVersion, OffsetDateTime changedAt, int attempts) {
}
