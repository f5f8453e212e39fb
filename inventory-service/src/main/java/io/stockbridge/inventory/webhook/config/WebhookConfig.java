package io.stockbridge.inventory.webhook.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbound webhooks: how deliveries are sent, retried and kept, and which receiver addresses are allowed. */
@ConfigMapping(prefix = "stockbridge.inventory.webhooks")
public interface WebhookConfig {
  /** Whether this replica sends deliveries in the background (tests send rounds themselves). */
  @WithDefault("true")
  boolean enabled();

  /** How often due deliveries are looked for. */
  @WithDefault("1s")
  Duration interval();

  /** How long a receiver has to answer one delivery. */
  @WithDefault("10s")
  Duration timeout();

  /** Deliveries in flight at once per subscription and replica; a slow receiver waits on its own. */
  @WithDefault("4")
  int inFlightPerSubscription();

  /** Deliveries claimed at most per round across all subscriptions. */
  @WithDefault("500")
  int roundLimit();

  /** How long a delivery is retried before it is dead (Standard Webhooks senders retry for days). */
  @WithDefault("72h")
  Duration retryFor();

  /** The wait before the first retry; each further one waits four times as long. */
  @WithDefault("5s")
  Duration firstRetryAfter();

  /** The longest wait between two attempts of one delivery. */
  @WithDefault("5h")
  Duration maxRetryInterval();

  /** Failures in a row after which a subscription is paused (first-retry-after, doubling) between batches. */
  @WithDefault("5")
  int pauseAfterFailures();

  /** Subscriptions a seller may have at once. */
  @WithDefault("20")
  int maxSubscriptionsPerSeller();

  /** How long delivered, dead and cancelled deliveries stay in the log. */
  @WithDefault("30d")
  Duration logRetention();

  /**
   * Networks (CIDR) receivers may be in although they are private, loopback or link-local; none by default. The
   * local stack allows loopback so that a receiver on the developer's machine can subscribe.
   */
  Optional<List<String>> allowedNetworks();
}
