package io.stockbridge.inventory.promotion.repository;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The promotions running on a SKU at one moment, and when the last of them ends: overlapping promotions stack, so
 * the SKU stays locked until then (INV-1).
 */
public record RunningPromotions(List<String> names, OffsetDateTime lockedUntil) {

  public boolean any() {
    return !names.isEmpty();
  }
}
