package io.stockbridge.inventory.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reservation lifetimes (rule RES-2).
 */
@ConfigMapping(prefix = "stockbridge.inventory.reservations")
public interface ReservationConfig {
  /** How long a reservation holds when the request names no ttlSeconds; then it is released as expired. */
  @WithDefault("72h")
  Duration defaultTtl();

  /** The shortest ttlSeconds a request may ask for. */
  @WithDefault("60s")
  Duration minTtl();

  /** The longest ttlSeconds a request may ask for. */
  @WithDefault("30d")
  Duration maxTtl();

  /** How often expired reservations are looked for. */
  @WithDefault("10s")
  Duration expiryInterval();

  /** How many expired reservations one round releases. */
  @WithDefault("200")
  int expiryBatchSize();

  /** Whether concurrent reservations of a seller are decided together in one transaction (group commit). */
  @WithDefault("true")
  boolean groupCommit();

  /** The most reservations one group-commit transaction decides. */
  @WithDefault("128")
  int groupCommitMaxSize();

  /** How often an allocation that lost a race for a warehouse is planned again before the order is refused. */
  @WithDefault("3")
  int allocationAttempts();
}
