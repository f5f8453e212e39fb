package io.stockbridge.platform.work;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How background rounds hear of committed work (PostgreSQL LISTEN/NOTIFY). */
@ConfigMapping(prefix = "stockbridge.wakeups")
public interface WakeupsConfig {
  /** Whether rounds wake on commit notifications; without them they run on their schedules only. */
  @WithDefault("true")
  boolean enabled();

  /** How long to wait before reopening a lost or refused listening connection. */
  @WithDefault("2s")
  Duration reconnectDelay();

  /** How long after a busy series of rounds one more looks for work committed while it ended (zero: none). */
  @WithDefault("150ms")
  Duration trailingRound();
}
