package io.stockbridge.inventory.reservation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.inventory.reservation.repository.Allocation;
import io.stockbridge.inventory.reservation.repository.ReservationRecord;
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.inventory.reservation.repository.Shortfall;

@Schema(description = "A reservation and where each line's units were taken from")
@RegisterForReflection
public record ReservationView(UUID id, String orderId, ReservationStatus status, OffsetDateTime createdAt,
    OffsetDateTime expiresAt, OffsetDateTime closedAt, List<LineView> lines,
    @Schema(description = "Units the channel shipped that the ledger did not have (an order shipped before it was"
        + " reserved); empty otherwise") List<Shortfall> shortfalls) {

  @RegisterForReflection
  public record LineView(int lineNo, String sellerSku, long quantity, List<WarehouseShare> allocations) {
  }

  @RegisterForReflection
  public record WarehouseShare(String warehouseId, long quantity) {
  }

  public static ReservationView of(ReservationRecord reservation) {
    Map<Integer, List<Allocation>> byLine = new LinkedHashMap<>();
    reservation.allocations().forEach(a -> byLine.computeIfAbsent(a.lineNo(), k -> new ArrayList<>()).add(a));
    List<LineView> lines = byLine.entrySet().stream()
        .map(e -> new LineView(e.getKey(), e.getValue().get(0).sellerSku(),
            e.getValue().stream().mapToLong(Allocation::quantity).sum(),
            e.getValue().stream().map(a -> new WarehouseShare(a.warehouseId(), a.quantity())).toList()))
        .toList();
    return new ReservationView(reservation.id(), reservation.orderId(), reservation.status(), reservation.createdAt(),
        reservation.expiresAt(), reservation.closedAt(), lines, reservation.shortfalls());
  }
}
