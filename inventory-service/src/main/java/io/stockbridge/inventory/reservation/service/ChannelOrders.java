package io.stockbridge.inventory.reservation.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.repository.ReservationRecord;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.inventory.reservation.rest.ChannelOrderState;
import io.stockbridge.inventory.reservation.rest.ReservationRequest;
import io.stockbridge.inventory.reservation.rest.ReservationView;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * A channel order's status, relayed by catalog-service, as the state of its reservation (RES-1, RES-2). States may
 * arrive late or twice; each is applied so that repeating it changes nothing.
 */
@ApplicationScoped
public class ChannelOrders {
  /** Marks an order cancelled before it was ever reserved: a later reservation of it is refused. */
  static final String CANCELLED_UNRESERVED = "cancelled-before-reservation";

  private final ReservationBatcher batcher;
  private final ReservationService reservations;
  private final ReservationRepository repository;

  public ChannelOrders(ReservationBatcher batcher, ReservationService reservations, ReservationRepository repository) {
    this.batcher = batcher;
    this.reservations = reservations;
    this.repository = repository;
  }

  /** Returns the reservation as it now stands, or null for a cancelled order that was never reserved. */
  public Uni<ReservationView> apply(String sellerId, String actor, ChannelOrderState order) {
    return switch (order.state()) {
      case "RESERVED" -> {
        if (order.lines() == null || order.lines().isEmpty()) {
          throw ProblemException.badRequest("VALIDATION_FAILED", "A placed order needs its lines",
              List.of(new FieldError("lines", "required", "the order's lines to reserve")));
        }
        yield batcher.reserve(sellerId, actor, new ReservationRequest(order.orderId(), order.lines(), null))
            .map(result -> result.value());
      }
      case "RELEASED" -> existing(sellerId, order.orderId()).chain(reservation -> {
        if (reservation == null) {
          return markCancelled(sellerId, actor, order.orderId()).replaceWith((ReservationView) null);
        }
        if (reservation.status() != ReservationStatus.ACTIVE) {
          return Uni.createFrom().item(ReservationView.of(reservation));
        }
        return reservations.release(sellerId, actor, reservation.id());
      });
      default -> existing(sellerId, order.orderId()).chain(reservation -> {
        if (reservation == null) {
          throw ProblemException.notFound("Reservation of order", order.orderId());
        }
        return reservations.commit(sellerId, actor, reservation.id());
      });
    };
  }

  private Uni<ReservationRecord> existing(String sellerId, String orderId) {
    return Panache.withSession(() -> repository.findByOrder(sellerId, orderId));
  }

  private Uni<Void> markCancelled(String sellerId, String actor, String orderId) {
    OffsetDateTime now = OffsetDateTime.now();
    ReservationRecord closed = new ReservationRecord(UUID.randomUUID(), sellerId, orderId, ReservationStatus.RELEASED,
        CANCELLED_UNRESERVED, now, now, now, List.of());
    // a concurrent reservation of the same order inserts the same key: one of the two waits, then fails
    return Panache.withTransaction(() -> repository.insert(closed, actor)
        .chain(() -> repository.close(closed.id(), ReservationStatus.RELEASED, now)));
  }
}
