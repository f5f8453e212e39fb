package io.stockbridge.inventory.reservation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
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
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.persistence.TransientFailures;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Reservations (rules RES-1, RES-2): an order takes its units the moment it is placed, every line or none, and two
 * orders never take the same unit, because each allocation is a conditional update of the balance row.
 * <p>
 * The warehouse plan is made from a read without locks; if a concurrent order took the units first, the
 * conditional update refuses, the transaction rolls back, and the order is planned again (a few times) before it
 * is refused with every short line named.
 */
@ApplicationScoped
public class ReservationService {

  private final ReservationRepository reservations;
  private final StockLedger ledger;
  private final StockAvailability stock;
  private final ReservationConfig config;
  private final ObjectMapper mapper;
  private final SuiteClock clock;

  public ReservationService(ReservationRepository reservations, StockLedger ledger, StockAvailability stock,
      ReservationConfig config, ObjectMapper mapper, SuiteClock clock) {
    this.reservations = reservations;
    this.ledger = ledger;
    this.stock = stock;
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Reserves every line or none; a repeated order id returns the first result. */
  public Uni<IdempotentResult<ReservationView>> reserve(String sellerId, String actor, ReservationRequest request) {
    Duration ttl = ttlOf(request);
    String fingerprint = fingerprint(request);
    return attempt(sellerId, actor, request, ttl, fingerprint, 1);
  }

  private Uni<IdempotentResult<ReservationView>> attempt(String sellerId, String actor, ReservationRequest request,
      Duration ttl, String fingerprint, int attempt) {
    return reserveInTransaction(sellerId, actor, request, ttl, fingerprint)
        .onFailure(LostRace.class).recoverWithUni(failure -> attempt < config.allocationAttempts()
            ? attempt(sellerId, actor, request, ttl, fingerprint, attempt + 1)
            : Uni.createFrom().failure(((LostRace) failure).refusal))
        .onFailure(ReservationService::isDuplicateOrder)
        .recoverWithUni(() -> replay(sellerId, request.orderId(), fingerprint))
        // the fixed lock order rules deadlocks out; should the database still abort one, it is retried, not shown
        .onFailure(TransientFailures::isTransient).retry().withBackOff(Duration.ofMillis(20)).atMost(3);
  }

  @WithTransaction
  Uni<IdempotentResult<ReservationView>> reserveInTransaction(String sellerId, String actor,
      ReservationRequest request, Duration ttl, String fingerprint) {
    return reservations.findByOrder(sellerId, request.orderId()).chain(existing -> {
      if (existing != null) {
        return Uni.createFrom().item(replayOf(existing, fingerprint));
      }
      List<ReservationRequest.Line> lines = request.lines();
      OffsetDateTime now = clock.now();
      ReservationRecord header = new ReservationRecord(UUID.randomUUID(), sellerId, request.orderId(),
          ReservationStatus.ACTIVE, fingerprint, now, now.plus(ttl), null, List.of());
      return ledger.requireKnown(sellerId, lines.stream().map(ReservationRequest.Line::sellerSku).toList(),
              lines.stream().map(ReservationRequest.Line::warehouseId).toList(), "lines")
          .chain(() -> stock.availability(sellerId, lines))
          .chain(available -> {
            AllocationPlanner.Plan plan = AllocationPlanner.plan(lines, available);
            if (!plan.shortLines().isEmpty()) {
              return shortage(sellerId, lines).map(refusal -> {
                throw refusal;
              });
            }
            ReservationRecord reservation = new ReservationRecord(header.id(), sellerId, request.orderId(),
                ReservationStatus.ACTIVE, fingerprint, now, now.plus(ttl), null, plan.allocations());
            ChangeContext context = new ChangeContext(sellerId, actor, MovementSource.RESERVATION,
                "POST /v1/reservations", request.orderId(), true);
            List<MovementCommand> moves = plan.allocations().stream()
                .map(a -> new MovementCommand(a.sellerSku(), a.warehouseId(), Bucket.SELLABLE, Bucket.RESERVED,
                    a.quantity(), "RESERVED", request.orderId()))
                .toList();
            // the order row first: a concurrent request for the same order waits here instead of taking stock
            return reservations.insert(header, actor)
                .chain(() -> ledger.apply(context, moves, "allocations"))
                .onFailure(ReservationService::isInsufficient)
                .recoverWithUni(() -> shortage(sellerId, lines).map(refusal -> {
                  throw new LostRace(refusal);
                }))
                .chain(() -> reservations.insertAllocations(reservation))
                .replaceWith(new IdempotentResult<>(ReservationView.of(reservation), false));
          });
    });
  }

  @WithSession
  Uni<IdempotentResult<ReservationView>> replay(String sellerId, String orderId, String fingerprint) {
    return reservations.findByOrder(sellerId, orderId).map(existing -> replayOf(existing, fingerprint));
  }

  static IdempotentResult<ReservationView> replayOf(ReservationRecord existing, String fingerprint) {
    if (!existing.fingerprint().equals(fingerprint)) {
      throw ProblemException.conflict(InventoryProblem.ORDER_ID_REUSED,
          "Order " + existing.orderId() + " already holds a reservation for different lines");
    }
    return new IdempotentResult<>(ReservationView.of(existing), true);
  }

  @WithSession
  public Uni<ReservationView> find(String sellerId, UUID id) {
    return reservations.findById(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Reservation", id.toString()))
        .map(ReservationView::of);
  }

  /** Shipped: the units leave sellable and reserved (RES-2). Repeating it changes nothing. */
  @WithTransaction
  public Uni<ReservationView> commit(String sellerId, String actor, UUID id) {
    return close(sellerId, actor, id, ReservationStatus.COMMITTED, Bucket.OUTSIDE, "SHIPPED",
        MovementSource.RESERVATION, "POST /v1/reservations/{id}/commit");
  }

  /** Cancelled: the units return to sellable (RES-2). Repeating it changes nothing. */
  @WithTransaction
  public Uni<ReservationView> release(String sellerId, String actor, UUID id) {
    return close(sellerId, actor, id, ReservationStatus.RELEASED, Bucket.SELLABLE, "CANCELLED",
        MovementSource.RESERVATION, "POST /v1/reservations/{id}/release");
  }

  /** Releases one reservation whose time ran out, unless it was closed or extended meanwhile (RES-2). */
  @WithTransaction
  Uni<Boolean> expireOne(String sellerId, UUID id) {
    return reservations.lockById(sellerId, id).chain(reservation -> {
      if (reservation == null || reservation.status() != ReservationStatus.ACTIVE
          || reservation.expiresAt().isAfter(clock.now())) {
        return Uni.createFrom().item(false);
      }
      return move(reservation, "stockbridge", ReservationStatus.EXPIRED, Bucket.SELLABLE, "EXPIRED",
          MovementSource.SYSTEM, "reservation expiry").replaceWith(true);
    });
  }

  private Uni<ReservationView> close(String sellerId, String actor, UUID id, ReservationStatus target, Bucket to,
      String reason, MovementSource source, String path) {
    return reservations.lockById(sellerId, id).chain(reservation -> {
      if (reservation == null) {
        throw ProblemException.notFound("Reservation", id.toString());
      }
      if (reservation.status() == target) {
        return Uni.createFrom().item(ReservationView.of(reservation));
      }
      if (reservation.status() != ReservationStatus.ACTIVE) {
        throw ProblemException.conflict(CommonProblem.ILLEGAL_TRANSITION,
            "The reservation is already " + reservation.status().name().toLowerCase());
      }
      return move(reservation, actor, target, to, reason, source, path).map(ReservationView::of);
    });
  }

  private Uni<ReservationRecord> move(ReservationRecord reservation, String actor, ReservationStatus target, Bucket to,
      String reason, MovementSource source, String path) {
    OffsetDateTime now = clock.now();
    ChangeContext context = new ChangeContext(reservation.sellerId(), actor, source, path, reservation.orderId(), false);
    List<MovementCommand> moves = reservation.allocations().stream()
        .map(a -> new MovementCommand(a.sellerSku(), a.warehouseId(), Bucket.RESERVED, to, a.quantity(), reason,
            reservation.orderId()))
        .toList();
    return ledger.apply(context, moves, "allocations")
        .chain(() -> reservations.close(reservation.id(), target, now))
        .replaceWith(reservation.withStatus(target, now));
  }

  /** The refusal naming every line that cannot be filled from what is available now. */
  private Uni<ProblemException> shortage(String sellerId, List<ReservationRequest.Line> lines) {
    return stock.availability(sellerId, lines).map(available -> shortage(lines, available));
  }

  /** The refusal naming every line that cannot be filled from {@code available} (per SKU, per warehouse). */
  static ProblemException shortage(List<ReservationRequest.Line> lines, Map<String, Map<String, Long>> available) {
    {
      Map<String, Long> asked = new HashMap<>();
      List<FieldError> errors = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        ReservationRequest.Line line = lines.get(i);
        Map<String, Long> warehouses = available.getOrDefault(line.sellerSku(), Map.of());
        String scope = line.sellerSku() + "@" + (line.warehouseId() == null ? "*" : line.warehouseId());
        long there = line.warehouseId() == null ? warehouses.values().stream().mapToLong(Long::longValue).sum()
            : warehouses.getOrDefault(line.warehouseId(), 0L);
        long wanted = asked.merge(scope, line.quantity(), Long::sum);
        if (wanted > there) {
          errors.add(new FieldError("lines[" + i + "].quantity", "insufficient_stock",
              line.sellerSku() + ": " + line.quantity() + " wanted, " + Math.max(0, there - (wanted - line.quantity()))
                  + " available" + (line.warehouseId() == null ? "" : " in " + line.warehouseId())));
        }
      }
      if (errors.isEmpty()) {
        errors.add(new FieldError("lines", "insufficient_stock", "the lines together need more than is available"));
      }
      return new ProblemException(409, InventoryProblem.INSUFFICIENT_STOCK, "Insufficient stock",
          "Not every line can be reserved, so none was", errors);
    }
  }

  Duration ttlOf(ReservationRequest request) {
    if (request.ttlSeconds() == null) {
      return config.defaultTtl();
    }
    Duration ttl = Duration.ofSeconds(request.ttlSeconds());
    if (ttl.compareTo(config.minTtl()) < 0 || ttl.compareTo(config.maxTtl()) > 0) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "ttlSeconds is out of range",
          List.of(new FieldError("ttlSeconds", "out_of_range", "between " + config.minTtl().toSeconds() + " and "
              + config.maxTtl().toSeconds())));
    }
    return ttl;
  }

  String fingerprint(ReservationRequest request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(mapper.writeValueAsString(request.lines()).getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean isInsufficient(Throwable failure) {
    return failure instanceof ProblemException problem && InventoryProblem.INSUFFICIENT_STOCK.code().equals(problem.code());
  }

  /** A concurrent request for the same order id won the unique index. */
  private static boolean isDuplicateOrder(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("reservation_one_per_order")) {
        return true;
      }
    }
    return false;
  }

  /** The plan lost a race for units to a concurrent order; planning again may succeed. */
  static final class LostRace extends RuntimeException {
    final transient ProblemException refusal;

    LostRace(ProblemException refusal) {
      super(refusal.getMessage(), null, false, false);
      this.refusal = refusal;
    }
  }
}
