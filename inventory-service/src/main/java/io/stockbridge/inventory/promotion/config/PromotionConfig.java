package io.stockbridge.inventory.promotion.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Promotion settings (rule INV-1).
 */
@ConfigMapping(prefix = "stockbridge.inventory.promotions")
public interface PromotionConfig {
  /** The longest a promotion may lock its SKUs' hand edits; a longer window is refused as a likely mistake. */
  @WithDefault("90d")
  Duration maxDuration();
}
