package io.stockbridge.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How warehouse partners reach the gateway.
 */
@ConfigMapping(prefix = "stockbridge.gateway")
public interface GatewayConfig {
  /** The gateway's public base URL, from which partners' webhook URLs are built. */
  @WithDefault("http://localhost:8083")
  String publicUrl();

  /** Webhook intake settings. */
  Webhooks webhooks();

  interface Webhooks {
    /** How far a webhook's timestamp may be from now before it is refused as a replay. */
    @WithDefault("5m")
    Duration timestampTolerance();

    /** The largest webhook body accepted; larger answers 413. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** How long a warehouse's state and secrets are kept in memory for verifying its webhooks. */
    @WithDefault("10s")
    Duration warehouseCacheTtl();

    /** How long the previous secret keeps verifying after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();
  }
}
