package io.stockbridge.catalog.channelwebhook.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the channel's notifications are accepted. */
@ConfigMapping(prefix = "stockbridge.catalog.channel-webhooks")
public interface ChannelWebhookConfig {
  /** A notification whose timestamp is further from now than this is refused as a replay. */
  @WithDefault("5m")
  Duration timestampTolerance();

  /** The largest notification body accepted, in bytes. */
  @WithDefault("262144")
  int maxBodyBytes();
}
