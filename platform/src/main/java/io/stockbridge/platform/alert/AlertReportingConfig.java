package io.stockbridge.platform.alert;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service tells inventory-service's alert feed about the causes it sees. */
@ConfigMapping(prefix = "stockbridge.alerts.reporting")
public interface AlertReportingConfig {
  /** Whether this replica reports (another replica reporting a type at the same moment makes this one skip it). */
  @WithDefault("true")
  boolean enabled();

  /** How often every source's causes are looked for; an alert opens or clears at most this long after its cause. */
  @WithDefault("1m")
  Duration interval();

  /** The outbox destination of inventory-service. */
  @WithDefault("inventory-service")
  String destination();
}
