package io.stockbridge.inventory.reservation.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.reservation.ReservationView;
import io.stockbridge.inventory.reservation.repository.Allocation;
import io.stockbridge.inventory.reservation.repository.ReservationRecord;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.inventory.reservation.repository.ReservationStatus;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository.AuditRow;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository.MovementRow;
import io.stockbridge.inventory.stock.service.ItemChange;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Decides many reservations of one seller in one transaction (group commit, rule RES-1 under a flash sale).
 * <p>
 * The balances of every SKU involved are locked once, in a fixed order; each reservation is then decided in
 * arrival order against those locked numbers, in memory, so each keeps its own all-or-nothing answer; the accepted
 * ones change each balance with one conditional UPDATE for their total, and everything they write goes in
 * multi-row statements. A hot SKU thus takes one lock and one commit for a whole round of orders instead of one
 * each.
 */
@ApplicationScoped
public class GroupReservation {
  /** A request this round leaves to the single-request path (a second request for an order of the same round). */
  static final Object RETRY_ALONE = new Object();
  private static final String PATH = "POST /v1/reservations";

  private final ReservationRepository reservations;
  private final StockLedgerRepository balances;
  private final StockLedger ledger;
  private final SuiteClock clock;

  public GroupReservation(ReservationRepository reservations, StockLedgerRepository balances, StockLedger ledger, SuiteClock clock) {
    this.reservations = reservations;
    this.balances = balances;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * @return per request, in order: its {@code IdempotentResult}, the {@code ProblemException} that refuses it,
   *         or {@link #RETRY_ALONE}
   */
  @WithTransaction
  Uni<List<Object>> decide(String sellerId, List<PendingReservation> round) {
    List<Object> outcomes = new ArrayList<>();
    round.forEach(p -> outcomes.add(null));
    Set<String> orderIds = new LinkedHashSet<>();
    round.forEach(p -> orderIds.add(p.request().orderId()));
    return reservations.findByOrders(sellerId, orderIds).chain(existing -> {
      Map<String, ReservationRecord> byOrder = new HashMap<>();
      existing.forEach(r -> byOrder.put(r.orderId(), r));
      Set<String> seen = new HashSet<>();
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < round.size(); i++) {
        PendingReservation pending = round.get(i);
        ReservationRecord earlier = byOrder.get(pending.request().orderId());
        if (earlier != null) {
          outcomes.set(i, replayOrRefusal(earlier, pending.fingerprint()));
        } else if (!seen.add(pending.request().orderId())) {
          outcomes.set(i, RETRY_ALONE);
        } else {
          candidates.add(i);
        }
      }
      if (candidates.isEmpty()) {
        return Uni.createFrom().item(outcomes);
      }
      Set<String> skus = new LinkedHashSet<>();
      Set<String> warehouses = new LinkedHashSet<>();
      candidates.forEach(i -> round.get(i).request().lines().forEach(line -> {
        skus.add(line.sellerSku());
        if (line.warehouseId() != null) {
          warehouses.add(line.warehouseId());
        }
      }));
      return balances.knownSkus(sellerId, skus)
          .chain(knownSkus -> (warehouses.isEmpty() ? Uni.createFrom().item(Set.<String>of())
              : balances.knownWarehouses(sellerId, warehouses))
              .chain(knownWarehouses -> balances.lockSkus(sellerId, skus)
                  .chain(locked -> decideAndApply(sellerId, round, candidates, outcomes, knownSkus, knownWarehouses,
                      locked))));
    });
  }

  private Uni<List<Object>> decideAndApply(String sellerId, List<PendingReservation> round, List<Integer> candidates,
      List<Object> outcomes, Set<String> knownSkus, Set<String> knownWarehouses, Map<StockItem, BalanceState> locked) {
    Map<String, Map<String, Long>> available = new HashMap<>();
    locked.forEach((item, state) -> available.computeIfAbsent(item.sellerSku(), k -> new HashMap<>())
        .put(item.warehouseId(), state.available()));
    OffsetDateTime now = clock.now();
    List<ReservationRecord> accepted = new ArrayList<>();
    List<PendingReservation> acceptedRequests = new ArrayList<>();
    List<Integer> acceptedIndexes = new ArrayList<>();
    for (int i : candidates) {
      PendingReservation pending = round.get(i);
      List<ReservationRequest.Line> lines = pending.request().lines();
      var unknown = StockLedger.unknownCodes(knownSkus, knownWarehouses,
          lines.stream().map(ReservationRequest.Line::sellerSku).toList(),
          lines.stream().map(ReservationRequest.Line::warehouseId).toList(), "lines");
      if (unknown != null) {
        outcomes.set(i, unknown);
        continue;
      }
      Map<String, Map<String, Long>> trial = copyOf(available, lines);
      AllocationPlanner.Plan plan = AllocationPlanner.plan(lines, trial);
      if (!plan.shortLines().isEmpty()) {
        outcomes.set(i, ReservationService.shortage(lines, copyOf(available, lines)));
        continue;
      }
      available.putAll(trial);
      accepted.add(new ReservationRecord(UUID.randomUUID(), sellerId, pending.request().orderId(),
          ReservationStatus.ACTIVE, pending.fingerprint(), now, now.plus(pending.ttl()), null, plan.allocations()));
      acceptedRequests.add(pending);
      acceptedIndexes.add(i);
    }
    if (accepted.isEmpty()) {
      return Uni.createFrom().item(outcomes);
    }
    Map<StockItem, Long> totals = new TreeMap<>();
    accepted.forEach(r -> r.allocations().forEach(a ->
        totals.merge(new StockItem(sellerId, a.sellerSku(), a.warehouseId()), a.quantity(), Long::sum)));
    Map<StockItem, BalanceState> after = new LinkedHashMap<>();
    return Multi.createFrom().iterable(totals.entrySet())
        .onItem().transformToUniAndConcatenate(total -> balances.move(total.getKey(), Bucket.SELLABLE,
                Bucket.RESERVED, total.getValue(), true)
            .invoke(state -> {
              if (state == null) {
                // cannot happen while the rows are locked; if it does, the round is redone request by request
                throw new IllegalStateException("Balance of " + total.getKey() + " changed under its lock");
              }
              after.put(total.getKey(), state);
            }))
        .collect().last()
        .chain(() -> reservations.insertAll(accepted, acceptedRequests.stream().map(PendingReservation::actor).toList()))
        .chain(() -> record(accepted, acceptedRequests, locked))
        .chain(() -> Multi.createFrom().iterable(after.entrySet())
            .onItem().transformToUniAndConcatenate(e -> ledger.announce(new ItemChange(e.getKey(),
                locked.get(e.getKey()), e.getValue())))
            .collect().last())
        .map(ignored -> {
          for (int k = 0; k < accepted.size(); k++) {
            outcomes.set(acceptedIndexes.get(k),
                new io.stockbridge.platform.idempotency.IdempotentResult<>(ReservationView.of(accepted.get(k)), false));
          }
          return outcomes;
        });
  }

  /** One movement per allocation and one audit entry per allocation, with the state before and after it. */
  private Uni<Void> record(List<ReservationRecord> accepted, List<PendingReservation> requests,
      Map<StockItem, BalanceState> locked) {
    Map<StockItem, BalanceState> running = new HashMap<>(locked);
    List<MovementRow> movements = new ArrayList<>();
    List<AuditRow> audits = new ArrayList<>();
    for (int k = 0; k < accepted.size(); k++) {
      ReservationRecord reservation = accepted.get(k);
      String actor = requests.get(k).actor();
      for (Allocation allocation : reservation.allocations()) {
        StockItem item = new StockItem(reservation.sellerId(), allocation.sellerSku(), allocation.warehouseId());
        BalanceState before = running.get(item);
        BalanceState next = before.buckets(before.inTransit(), before.qc(), before.frozen(),
            before.unreserved() - allocation.quantity(), before.reserved() + allocation.quantity());
        running.put(item, next);
        movements.add(new MovementRow(item, Bucket.SELLABLE, Bucket.RESERVED, allocation.quantity(), "RESERVED",
            MovementSource.RESERVATION, reservation.orderId(), actor, reservation.orderId()));
        audits.add(new AuditRow(item, actor, MovementSource.RESERVATION + " " + PATH, "RESERVED",
            ledger.describe(before), ledger.describe(next), reservation.orderId()));
      }
    }
    return balances.recordMovements(movements).chain(() -> balances.recordAudits(audits));
  }

  private static Object replayOrRefusal(ReservationRecord earlier, String fingerprint) {
    try {
      return ReservationService.replayOf(earlier, fingerprint);
    } catch (RuntimeException refusal) {
      return refusal;
    }
  }

  /** The availability of the SKUs of {@code lines}, copied so a plan can be tried without touching the original. */
  private static Map<String, Map<String, Long>> copyOf(Map<String, Map<String, Long>> available,
      List<ReservationRequest.Line> lines) {
    Map<String, Map<String, Long>> copy = new HashMap<>();
    lines.forEach(line -> copy.put(line.sellerSku(), new HashMap<>(available.getOrDefault(line.sellerSku(), Map.of()))));
    return copy;
  }
}
