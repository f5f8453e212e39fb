package io.stockbridge.inventory.reservation.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ChannelOrderState;
import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.reservation.ReservationView;
import io.stockbridge.inventory.reservation.repository.ReservationRecord;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * A channel order's status, relayed by catalog-service, as a state machine over its reservation (RES-1, RES-2).
 * catalog-service sends an order's changes one at a time in the order it received them, each once; the channel's own
 * order may differ (a "shipped" overtaking "placed"), so every transition is defined from every state:
 * <ul>
 * <li>RESERVED reserves an order the ledger has not seen; for any other it changes nothing (a repeat, or late).</li>
 * <li>RELEASED releases an active reservation; an order never seen is recorded closed, so a late RESERVED takes
 * nothing; a shipped or closed one stays as it is.</li>
 * <li>COMMITTED ships an active reservation; an order that holds nothing (never seen, refused for want of stock,
 * released or expired) ships what exists in one step and records the shortfall ({@link UnreservedShipments}).</li>
 * </ul>
 * Whatever the arrival order, an order ends shipped if the channel ever said so, else released if it said that.
 */
@ApplicationScoped
public class ChannelOrders {
  /** Marks an order cancelled before it was ever reserved: a later reservation of it takes nothing. */
  static final String CANCELLED_UNRESERVED = "cancelled-before-reservation";

  private final ReservationBatcher batcher;
  private final ReservationService reservations;
  private final UnreservedShipments shipments;
  private final ReservationRepository repository;
  private final SuiteClock clock;

  public ChannelOrders(ReservationBatcher batcher, ReservationService reservations, UnreservedShipments shipments,
      ReservationRepository repository, SuiteClock clock) {
    this.batcher = batcher;
    this.reservations = reservations;
    this.shipments = shipments;
    this.repository = repository;
    this.clock = clock;
  }

  /** Returns the reservation as it now stands, or null for a cancelled order that was never reserved. */
  public Uni<ReservationView> apply(String sellerId, String actor, ChannelOrderState order) {
    return existing(sellerId, order.orderId())
        .chain(reservation -> transition(sellerId, actor, order, reservation))
        // a SKU catalog-service registered a moment ago may not have reached the ledger yet: "not yet", not final
        .onFailure(ChannelOrders::isUnknownSku).transform(unknown -> ((ProblemException) unknown).notYet());
  }

  private Uni<ReservationView> transition(String sellerId, String actor, ChannelOrderState order,
      ReservationRecord reservation) {
    return switch (order.state()) {
      case "RESERVED" -> {
        if (reservation != null) {
          yield Uni.createFrom().item(viewOf(reservation));
        }
        yield batcher.reserve(sellerId, actor, new ReservationRequest(order.orderId(), requireLines(order), null))
            .map(result -> result.value());
      }
      case "RELEASED" -> {
        if (reservation == null) {
          yield markCancelled(sellerId, actor, order.orderId()).replaceWith((ReservationView) null);
        }
        yield reservation.status() == ReservationStatus.ACTIVE
            ? reservations.release(sellerId, actor, reservation.id())
            : Uni.createFrom().item(viewOf(reservation));
      }
      default -> {
        if (reservation != null && reservation.status() == ReservationStatus.ACTIVE) {
          yield reservations.commit(sellerId, actor, reservation.id());
        }
        if (reservation != null && reservation.status() == ReservationStatus.COMMITTED) {
          yield Uni.createFrom().item(ReservationView.of(reservation));
        }
        yield shipments.ship(sellerId, actor, order.orderId(), requireLines(order));
      }
    };
  }

  /** A cancelled order never reserved has no view (204); any other is shown as it stands. */
  private static ReservationView viewOf(ReservationRecord reservation) {
    return reservation.status() == ReservationStatus.RELEASED && CANCELLED_UNRESERVED.equals(reservation.fingerprint())
        ? null : ReservationView.of(reservation);
  }

  private static List<ReservationRequest.Line> requireLines(ChannelOrderState order) {
    if (order.lines() == null || order.lines().isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The order's lines are needed to take its units",
          List.of(new FieldError("lines", "required", "the order's lines")));
    }
    return order.lines();
  }

  private static boolean isUnknownSku(Throwable failure) {
    return failure instanceof ProblemException problem && "UNKNOWN_SKU_OR_WAREHOUSE".equals(problem.code());
  }

  private Uni<ReservationRecord> existing(String sellerId, String orderId) {
    return Panache.withSession(() -> repository.findByOrder(sellerId, orderId));
  }

  private Uni<Void> markCancelled(String sellerId, String actor, String orderId) {
    OffsetDateTime now = clock.now();
    ReservationRecord closed = new ReservationRecord(UUID.randomUUID(), sellerId, orderId, ReservationStatus.RELEASED,
        CANCELLED_UNRESERVED, now, now, now, List.of());
    // a concurrent reservation of the same order inserts the same key: one of the two waits, then fails
    return Panache.withTransaction(() -> repository.insert(closed, actor)
        .chain(() -> repository.close(closed.id(), ReservationStatus.RELEASED, now)));
  }
}
