package io.stockbridge.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The transactional outbox: how often it is polled, how it backs off, where each destination lives.
 */
@ConfigMapping(prefix = "stockbridge.outbox")
public interface OutboxConfig {
  /** Whether this replica dispatches at all (events are still written when it does not). */
  @WithDefault("true")
  boolean enabled();

  /** How often the dispatcher looks for events to send (the scheduler's finest step is one second). */
  @WithDefault("1s")
  Duration pollInterval();

  /** How many events one dispatch round claims. */
  @WithDefault("100")
  int batchSize();

  /** How many deliveries of one round run at once. */
  @WithDefault("8")
  int concurrency();

  /** How long a claim keeps other replicas off an event; longer than a delivery's timeout. */
  @WithDefault("60s")
  Duration claimLease();

  /** The wait before the first retry; doubled on each further failure. */
  @WithDefault("1s")
  Duration initialBackoff();

  /** The longest wait between two retries. */
  @WithDefault("5m")
  Duration maxBackoff();

  /**
   * How long an event that is not delivered yet (receiver down, or "I do not know this SKU yet") is retried, counted
   * from when it was written or last replayed; after that it becomes a dead letter.
   */
  @WithDefault("24h")
  Duration retryWindow();

  /** How long delivered and superseded events are kept for inspection; dead letters stay until replayed. */
  @WithDefault("P7D")
  Duration retention();

  /** How many finished events one purge statement deletes (a purge runs statements until none are left). */
  @WithDefault("5000")
  int purgeBatchSize();

  /**
   * Paths whose receiver also takes a list of events at {@code <path>/batch} (one request, one transaction for up to
   * {@link #maxEventsPerRequest()} events); events to other paths are sent one by one.
   */
  Optional<Set<String>> batchedPaths();

  /** The most events one batched request carries. */
  @WithDefault("100")
  int maxEventsPerRequest();

  /** Base URL of each destination service by name, e.g. {@code stockbridge.outbox.destinations.catalog-service}. */
  Map<String, String> destinations();
}
