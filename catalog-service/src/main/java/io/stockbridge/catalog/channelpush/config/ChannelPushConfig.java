package io.stockbridge.catalog.channelpush.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stock goes to the channel. */
@ConfigMapping(prefix = "stockbridge.catalog.channel-push")
public interface ChannelPushConfig {
  /** How often the pusher looks for quantities to push. */
  @WithDefault("1s")
  Duration interval();

  /** The most pending quantities one round claims. */
  @WithDefault("200")
  int batchSize();

  /** How long a replica's claim keeps the others off a quantity while it is pushed. */
  @WithDefault("1m")
  Duration lease();

  /** The longest wait before a failed push is tried again (the wait doubles from one second up to this). */
  @WithDefault("5m")
  Duration maxBackoff();

  /** The channel's largest accepted quantity; more available units are shown as this. */
  @WithDefault("99999")
  long maxQuantity();
}
