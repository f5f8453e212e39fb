package io.stockbridge.inventory.health.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The health report's judgements (rule CNT-4); its age limit is the aged-stock alert's
 * ({@code stockbridge.inventory.alerts.aged-after}, {@code .aged-share-percent}).
 */
@ConfigMapping(prefix = "stockbridge.inventory.health")
public interface HealthConfig {
  /** CNT-4: stock turns over in at most this many days of sales to be healthy. */
  @WithDefault("45")
  double healthyTurnoverDays();

  /** CNT-4: a sell-through above this percentage of the units there were is good. */
  @WithDefault("85")
  double goodSellThroughPercent();

  /** WH-2: a balance whose last warehouse reading is older than this counts as a stale reading. */
  @WithDefault("15m")
  Duration staleReadingAfter();
}
