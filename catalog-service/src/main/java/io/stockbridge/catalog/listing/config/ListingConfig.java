package io.stockbridge.catalog.listing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The listing rules' thresholds (rules LST-3..5, docs/RULES.md), with their documented defaults.
 */
@ConfigMapping(prefix = "stockbridge.catalog.listing")
public interface ListingConfig {
  /** LST-3: the English title's minimum length, in characters. */
  @WithDefault("10")
  int minEnglishTitleLength();

  /** LST-3: how many main images a listing needs at least. */
  @WithDefault("3")
  int minMainImages();

  /** LST-3: main images are square with at least this many pixels a side. */
  @WithDefault("1080")
  int mainImageSide();

  /** LST-3: the share of an image's outer frame that must be white for a white background. */
  @WithDefault("0.95")
  double whiteBackgroundShare();

  /** LST-4: more failed submissions of one SKU than this within the window lock it. */
  @WithDefault("3")
  int failedSubmissionsLimit();

  /** LST-4: the window failed submissions are counted in. */
  @WithDefault("24h")
  Duration failureWindow();

  /** LST-4: how long the lock lasts. */
  @WithDefault("72h")
  Duration lockDuration();

  /** How long a publication may run before another request may take it over (a crashed replica's claim). */
  @WithDefault("2m")
  Duration publishLease();

  /** LST-5: the channel's and the ledger's quantity may differ by at most this many units. */
  @WithDefault("5")
  int stockTolerance();

  /** LST-5: how often each live listing's channel stock is compared with the ledger's. */
  @WithDefault("5m")
  Duration precisionCheckInterval();
}
