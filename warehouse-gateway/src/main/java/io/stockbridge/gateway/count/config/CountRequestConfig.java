package io.stockbridge.gateway.count.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How counts are asked of warehouses whose WMS takes count requests (rule CNT-1). */
@ConfigMapping(prefix = "stockbridge.gateway.count-requests")
public interface CountRequestConfig {
  /** Whether this replica sends count requests (several may: each request is claimed by one at a time). */
  @WithDefault("true")
  boolean enabled();

  /** How often requests due to be sent are looked for. */
  @WithDefault("1s")
  Duration tick();

  /** How many requests one look claims. */
  @WithDefault("20")
  int batchSize();

  /** How long a claim keeps other replicas off a request (longer than one sending can take). */
  @WithDefault("2m")
  Duration claimLease();

  /** How long the partner may take to acknowledge a request. */
  @WithDefault("10s")
  Duration timeout();

  /** The wait before the first retry of a request the partner could not take; doubled on each further failure. */
  @WithDefault("5s")
  Duration initialBackoff();

  /** The longest wait between two retries. */
  @WithDefault("10m")
  Duration maxBackoff();

  /** How long a request is retried, from when the count started; after that it fails with the last reason. */
  @WithDefault("24h")
  Duration giveUpAfter();
}
