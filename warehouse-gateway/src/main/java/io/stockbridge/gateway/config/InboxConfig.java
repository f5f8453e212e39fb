package io.stockbridge.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the inbox is worked off.
 */
@ConfigMapping(prefix = "stockbridge.gateway.inbox")
public interface InboxConfig {
  /** Whether this replica processes inbox events (webhooks are accepted either way). */
  @WithDefault("true")
  boolean enabled();

  /** How often the inbox is looked at. */
  @WithDefault("1s")
  Duration pollInterval();

  /** How often delivering events are checked against the outbox, to become applied or rejected. */
  @WithDefault("1s")
  Duration confirmInterval();

  /** How many events one round takes. */
  @WithDefault("100")
  int batchSize();

  /** How many events of a round are read and resolved at once. */
  @WithDefault("8")
  int concurrency();

  /** How many times an event may fail on its own account before it is parked with its reason. */
  @WithDefault("5")
  int maxAttempts();

  /** The longest wait before an event that failed is tried again (the wait doubles from one second). */
  @WithDefault("5m")
  Duration maxBackoff();

  /** How long a resolved warehouse item is remembered (an outage of catalog-service then delays nothing known). */
  @WithDefault("5m")
  Duration itemCacheTtl();

  /** How long "not mapped" is remembered (a burst for an unmapped item then costs one lookup); replay forgets it. */
  @WithDefault("10s")
  Duration unknownItemCacheTtl();

  /**
   * How long applied and rejected events are kept (for the events API and to recognise a sender's retries); parked
   * and waiting ones are kept until they are settled.
   */
  @WithDefault("P7D")
  Duration retention();

  /** How many settled events one purge statement deletes (a purge runs statements until none are left). */
  @WithDefault("5000")
  int purgeBatchSize();
}
