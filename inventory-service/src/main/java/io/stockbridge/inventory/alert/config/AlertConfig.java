package io.stockbridge.inventory.alert.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When the ledger's own alerts open and how often their causes are looked for (rules CNT-2, CNT-3, CNT-4, INV-4,
 * WH-4).
 */
@ConfigMapping(prefix = "stockbridge.inventory.alerts")
public interface AlertConfig {
  /** Whether this replica looks for causes (alerts raised by other services are taken either way). */
  @WithDefault("true")
  boolean enabled();

  /** How often every rule's causes are looked for; an alert opens or resolves at most this long after its cause. */
  @WithDefault("1m")
  Duration sweepInterval();

  /** CNT-3: units held this long without a sale are slow-moving. */
  @WithDefault("90d")
  Duration slowMovingAfter();

  /** CNT-4: units older than this count as aged stock. */
  @WithDefault("180d")
  Duration agedAfter();

  /** CNT-4: an AGED_STOCK alert opens when aged units are at least this share (percent) of the units on hand. */
  @WithDefault("5")
  double agedSharePercent();

  /** INV-4: how long after a SKU was flagged for its edit rate the alert stays (the flag's review period). */
  @WithDefault("24h")
  Duration editFlagShownFor();

  /** WH-2: a SKU without a reading this long, while its warehouse reports others, is SKU_STALE. */
  @WithDefault("15m")
  Duration skuStaleAfter();

  /** CNT-2: the reorder suggestion behind REPLENISH alerts. */
  Replenishment replenishment();

  /** How a reorder is suggested from the sales history. */
  interface Replenishment {
    /** The sales history the daily rate is taken from. */
    @WithDefault("30d")
    Duration salesWindow();

    /** The lead time of a SKU and warehouse whose policy names none. */
    @WithDefault("14")
    int defaultLeadTimeDays();

    /** How many days of sales a suggested reorder covers after it arrives, on top of the safety stock. */
    @WithDefault("30")
    int coverDays();
  }
}
