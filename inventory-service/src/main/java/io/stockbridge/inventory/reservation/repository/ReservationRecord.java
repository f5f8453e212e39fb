package io.stockbridge.inventory.reservation.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A reservation as stored, with its allocations.
 */
public record ReservationRecord(UUID id, String sellerId, String orderId, ReservationStatus status,
    String fingerprint, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime closedAt,
    List<Allocation> allocations, List<Shortfall> shortfalls) {

  public ReservationRecord(UUID id, String sellerId, String orderId, ReservationStatus status, String fingerprint,
      OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime closedAt, List<Allocation> allocations) {
    this(id, sellerId, orderId, status, fingerprint, createdAt, expiresAt, closedAt, allocations, List.of());
  }

  public ReservationRecord withStatus(ReservationStatus newStatus, OffsetDateTime closed) {
    return new ReservationRecord(id, sellerId, orderId, newStatus, fingerprint, createdAt, expiresAt, closed,
        allocations, shortfalls);
  }
}
