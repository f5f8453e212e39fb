package io.stockbridge.catalog.channelpush.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stock goes to the channel. */
@ConfigMapping(prefix = "stockbridge.catalog.channel-push")
public interface ChannelPushConfig {
  /** How often the pusher looks for quantities to push besides the wake-ups on commit (the safety net, and retries). */
  @WithDefault("1s")
  Duration interval();

  /** Whether a committed quantity wakes the pushers of every replica at once (PostgreSQL LISTEN/NOTIFY). */
  @WithDefault("true")
  boolean wakeOnCommit();

  /** How long a woken pusher gathers further quantities before its round: fewer channel calls for a little latency. */
  @WithDefault("100ms")
  Duration gather();

  /** The most pending quantities one round claims. */
  @WithDefault("200")
  int batchSize();

  /** How long a replica's claim keeps the others off a quantity while it is pushed. */
  @WithDefault("1m")
  Duration lease();

  /** The longest wait before a failed push is tried again (the wait doubles from one second up to this). */
  @WithDefault("5m")
  Duration maxBackoff();

  /** How long pushed and refused quantities are kept for inspection before they are purged. */
  @WithDefault("P7D")
  Duration retention();

  /** How many settled quantities one purge statement deletes (a purge runs statements until none are left). */
  @WithDefault("5000")
  int purgeBatchSize();

  /** The channel's largest accepted quantity; more available units are shown as this. */
  @WithDefault("99999")
  long maxQuantity();
}
