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

  /** When a warehouse counts as stale (rule WH-2: the channel delists a SKU not synced within 15 minutes). */
  Staleness staleness();

  interface Staleness {
    /** An API-ready warehouse with no stock data for this long is stale. */
    @WithDefault("15m")
    Duration apiAfter();

    /** A CSV-only warehouse with no file for this long is stale (WH-1: files are up to 4 hours old). */
    @WithDefault("4h")
    Duration csvAfter();
  }

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
