package io.stockbridge.gateway.polling.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How polled warehouses (WINIT, 4PX, ShipBob) are asked for their stock.
 */
@ConfigMapping(prefix = "stockbridge.gateway.polling")
public interface PollingConfig {
  /** Whether this replica polls warehouses (several replicas may: each warehouse is claimed by one at a time). */
  @WithDefault("true")
  boolean enabled();

  /** How often due warehouses are looked for. */
  @WithDefault("1s")
  Duration tick();

  /** How many due warehouses one look claims. */
  @WithDefault("20")
  int batchSize();

  /** How long a claim keeps other replicas off a warehouse (longer than a poll with its retries can take). */
  @WithDefault("5m")
  Duration claimLease();

  /** The longest one poll of one warehouse (every page) may take before it counts as failed. */
  @WithDefault("60s")
  Duration pollTimeout();

  /** Immediate retries of a failed poll, with exponential backoff from {@code retry-delay}. */
  @WithDefault("2")
  int retries();

  /** The first retry's delay; each further one doubles it. */
  @WithDefault("1s")
  Duration retryDelay();

  /** After a failed poll, the wait before the next one doubles from this, up to the warehouse's poll interval. */
  @WithDefault("30s")
  Duration failureBackoff();

  /** How long a partner that said "rate limited" (4PX 000017, HTTP 429) is left alone. */
  @WithDefault("60s")
  Duration rateLimitBackoff();

  /** Per-warehouse circuit breaker: polls it must have seen before it may open. */
  @WithDefault("4")
  int circuitBreakerVolume();

  /** Per-warehouse circuit breaker: the share of failed polls that opens it. */
  @WithDefault("0.75")
  double circuitBreakerFailureRatio();

  /** Per-warehouse circuit breaker: how long it stays open (no calls to that partner). */
  @WithDefault("5m")
  Duration circuitBreakerDelay();

  /** The most pages one poll follows (a guard against a partner that never ends its pages). */
  @WithDefault("1000")
  int maxPages();

  /** ShipBob API base URL (paths start with the API version, e.g. /2026-01/inventory-level). */
  @WithDefault("https://api.shipbob.com")
  String shipbobUrl();

  /** WINIT open API base URL (the service path /openapi/service is appended). */
  @WithDefault("https://openapi.winit.com.cn")
  String winitUrl();

  /** 4PX open platform base URL (the router path /router/api/service is appended). */
  @WithDefault("https://open.4px.com")
  String fourpxUrl();
}
