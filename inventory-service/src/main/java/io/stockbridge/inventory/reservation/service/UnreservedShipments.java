package io.stockbridge.inventory.reservation.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.reservation.ReservationView;
import io.stockbridge.inventory.reservation.config.ReservationConfig;
import io.stockbridge.inventory.reservation.repository.ReservationRecord;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.service.ChangeContext;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.platform.persistence.TransientFailures;
import io.stockbridge.platform.time.SuiteClock;

/**
 * An order the channel shipped that holds no units in the ledger: "shipped" overtook "placed", the placement was
 * refused for want of stock, or the reservation was released or expired before the parcel left. The units left the
 * warehouse all the same, so they leave the ledger in one step: each line takes what exists, from the warehouses
 * the planner would choose, straight out of sellable; what did not exist is recorded as the order's shortfall and
 * counted, never dropped (RES-2).
 */
@ApplicationScoped
public class UnreservedShipments {
  private final ReservationRepository reservations;
  private final ReservationService reservationService;
  private final StockAvailability stock;
  private final StockLedger ledger;
  private final ReservationConfig config;
  private final MeterRegistry meters;
  private final SuiteClock clock;

  public UnreservedShipments(ReservationRepository reservations, ReservationService reservationService,
      StockAvailability stock, StockLedger ledger, ReservationConfig config, MeterRegistry meters, SuiteClock clock) {
    this.reservations = reservations;
    this.reservationService = reservationService;
    this.stock = stock;
    this.ledger = ledger;
    this.config = config;
    this.meters = meters;
    this.clock = clock;
  }

  /** Ships the order's lines from what exists; answers its reservation, committed, with any shortfall. */
  public Uni<ReservationView> ship(String sellerId, String actor, String orderId, List<ReservationRequest.Line> lines) {
    return shipInTransaction(sellerId, actor, orderId, lines)
        // stock read for the plan was taken meanwhile by a concurrent order: plan again from what is left
        .onFailure(ReservationService::isInsufficient).retry().atMost(config.allocationAttempts())
        .onFailure(TransientFailures::isTransient).retry().withBackOff(Duration.ofMillis(20)).atMost(3);
  }

  @WithTransaction
  Uni<ReservationView> shipInTransaction(String sellerId, String actor, String orderId,
      List<ReservationRequest.Line> lines) {
    return reservations.lockByOrder(sellerId, orderId).chain(existing -> {
      if (existing != null && (existing.status() == ReservationStatus.COMMITTED
          || existing.status() == ReservationStatus.ACTIVE)) {
        // settled meanwhile, or held: not this path's business
        return Uni.createFrom().item(ReservationView.of(existing));
      }
      OffsetDateTime now = clock.now();
      return ledger.requireKnown(sellerId, lines.stream().map(ReservationRequest.Line::sellerSku).toList(),
              lines.stream().map(ReservationRequest.Line::warehouseId).toList(), "lines")
          .chain(() -> stock.availability(sellerId, lines, true))
          .chain(available -> {
            AllocationPlanner.PartialPlan plan = AllocationPlanner.planWhatExists(lines, available);
            UUID id = existing == null ? UUID.randomUUID() : existing.id();
            ReservationRecord shipped = new ReservationRecord(id, sellerId, orderId, ReservationStatus.COMMITTED,
                existing == null ? reservationService.fingerprint(new ReservationRequest(orderId, lines, null))
                    : existing.fingerprint(),
                existing == null ? now : existing.createdAt(), existing == null ? now : existing.expiresAt(), now,
                plan.allocations(), plan.shortfalls());
            ChangeContext context = new ChangeContext(sellerId, actor, MovementSource.RESERVATION,
                "POST /internal/v1/channel-orders", orderId, false);
            List<MovementCommand> moves = plan.allocations().stream()
                .map(a -> new MovementCommand(a.sellerSku(), a.warehouseId(), Bucket.SELLABLE, Bucket.OUTSIDE,
                    a.quantity(), "SHIPPED", orderId))
                .toList();
            Uni<Void> header = existing == null ? reservations.insert(shipped, actor)
                : reservations.clearAllocations(id);
            return header
                .chain(() -> moves.isEmpty() ? Uni.createFrom().voidItem()
                    : ledger.apply(context, moves, "lines").replaceWithVoid())
                .chain(() -> reservations.insertAllocations(shipped))
                .chain(() -> plan.shortfalls().isEmpty() ? Uni.createFrom().voidItem()
                    : reservations.insertShortfalls(id, plan.shortfalls()))
                .chain(() -> reservations.close(id, ReservationStatus.COMMITTED, now))
                .invoke(() -> {
                  if (!plan.shortfalls().isEmpty()) {
                    long missing = plan.shortfalls().stream().mapToLong(s -> s.quantity()).sum();
                    meters.counter("stockbridge.inventory.order.shortfall.units").increment(missing);
                    Log.warnf("Order %s of seller %s shipped %d unit(s) the ledger did not have: %s", orderId,
                        sellerId, missing, plan.shortfalls());
                  }
                })
                .replaceWith(ReservationView.of(shipped));
          });
    });
  }
}
