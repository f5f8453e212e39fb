package io.stockbridge.inventory.ownership.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * SKU ownership settings.
 */
@ConfigMapping(prefix = "stockbridge.inventory.ownership")
public interface OwnershipConfig {
  /** How long the channel caches a SKU's sync mode: a change of owner becomes effective after it (rule INV-6). */
  @WithDefault("15m")
  Duration cacheRefreshWindow();
}
