package io.stockbridge.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the console presents what the services report. */
@ConfigMapping(prefix = "stockbridge.console")
public interface ConsoleConfig {
  /** Days the Stock page's available chart covers, today included. */
  @WithDefault("14")
  int historyDays();

  /** Days ahead within which a compliance document counts as expiring. */
  @WithDefault("30")
  int expiringDays();

  /** Markets the compliance dashboard shows, in this order. */
  @WithDefault("US")
  java.util.List<String> markets();

  /** The channel region a new connection is made for. */
  @WithDefault("US")
  String channelRegion();
}
