package io.stockbridge.platform.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a write's first result is kept for replays under the same {@code Idempotency-Key}.
 */
@ConfigMapping(prefix = "stockbridge.idempotency")
public interface IdempotencyConfig {
  /** How long a key is remembered; a repeat after that is treated as a new request. */
  @WithDefault("P7D")
  Duration retention();

  /** How often expired keys are purged. */
  @WithDefault("1h")
  Duration purgeInterval();
}
