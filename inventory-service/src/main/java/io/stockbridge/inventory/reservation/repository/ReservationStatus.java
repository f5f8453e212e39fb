package io.stockbridge.inventory.reservation.repository;

/**
 * A reservation's life (rule RES-2): active until shipped (committed), cancelled (released) or timed out (expired).
 */
public enum ReservationStatus {
  ACTIVE, COMMITTED, RELEASED, EXPIRED
}
