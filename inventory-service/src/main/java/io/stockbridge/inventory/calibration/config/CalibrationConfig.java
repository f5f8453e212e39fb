package io.stockbridge.inventory.calibration.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a warehouse reading is a calibration difference and how long the seller has to explain it (rule WH-4).
 */
@ConfigMapping(prefix = "stockbridge.inventory.calibration")
public interface CalibrationConfig {
  /** Unexplained on-hand units above this open a calibration task (WH-4: 5 units). */
  @WithDefault("5")
  long differenceUnits();

  /** Unexplained on-hand units above this percentage of the expected on-hand stock open one too (WH-4: 3 %). */
  @WithDefault("3")
  double differencePercent();

  /** How long the seller has to resolve a task before the SKU stops taking orders in that warehouse (WH-4: 2 h). */
  @WithDefault("2h")
  Duration dueAfter();

  /** How often overdue tasks are looked for. */
  @WithDefault("1m")
  Duration escalationInterval();

  /** How many overdue tasks one escalation round takes. */
  @WithDefault("100")
  int escalationBatch();

  /** A seller's own thresholds, by seller id, where they differ from the two above. */
  Map<String, SellerThresholds> sellers();

  /** One seller's thresholds. */
  interface SellerThresholds {
    /** The seller's unit threshold. */
    Optional<Long> differenceUnits();

    /** The seller's percentage threshold. */
    Optional<Double> differencePercent();
  }
}
