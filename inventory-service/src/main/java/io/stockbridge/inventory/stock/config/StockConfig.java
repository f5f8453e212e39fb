package io.stockbridge.inventory.stock.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Ledger limits and risk controls.
 */
@ConfigMapping(prefix = "stockbridge.inventory.stock")
public interface StockConfig {
  /** The largest quantity one movement may carry; larger is refused as a mistake. */
  @WithDefault("1000000000")
  long maxQuantity();

  /** How many manual or integration edits one SKU may take within the edit window (rule INV-4). */
  @WithDefault("5")
  int editLimit();

  /** The window the edit limit counts in (rule INV-4). */
  @WithDefault("1h")
  Duration editWindow();

  /** Stock older than this counts as aged in the age report (rule CNT-4: its share should stay under 5%). */
  @WithDefault("180d")
  java.time.Duration agedStockThreshold();

  /** The outbox destination told about every change of a SKU's available quantity. */
  @WithDefault("catalog-service")
  String channelStockDestination();
}
