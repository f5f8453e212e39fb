package io.stockbridge.inventory.promotion.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A promotion as stored: its window, its SKUs, and who created or cancelled it.
 */
public record Promotion(UUID id, String sellerId, String name, List<String> sellerSkus, OffsetDateTime startsAt,
    OffsetDateTime endsAt, OffsetDateTime cancelledAt, String cancelledBy, String createdBy,
    OffsetDateTime createdAt) {

  public PromotionStatus statusAt(OffsetDateTime now) {
    return PromotionStatus.of(startsAt, endsAt, cancelledAt, now);
  }
}
