package io.stockbridge.inventory.reservation.service;

import java.time.Duration;

import io.stockbridge.inventory.reservation.ReservationRequest;

/**
 * A reservation request waiting for its group-commit round.
 */
record PendingReservation(String actor, ReservationRequest request, Duration ttl, String fingerprint) {
}
