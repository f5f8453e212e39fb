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

  /** How deliveries are guarded: one circuit breaker per receiver and seller. */
  Delivery delivery();

  /** The timeouts of a delivery and the circuit breaker each receiver and seller has. */
  interface Delivery {
    /** How long one event's delivery may take before it counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** How long one batched request may take before it counts as failed. */
    @WithDefault("30s")
    Duration batchTimeout();

    /** How many recent deliveries of one receiver and seller the breaker looks at. */
    @WithDefault("20")
    int breakerRequestVolume();

    /** The share of those that must have failed (5xx, timeout, no connection) for the breaker to open. */
    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long an open breaker holds that seller's deliveries to that receiver back before it tries again. */
    @WithDefault("10s")
    Duration breakerDelay();

    /** How many receiver-and-seller breakers are kept; the least recently used beyond that are forgotten. */
    @WithDefault("10000")
    int breakersKept();
  }
}
