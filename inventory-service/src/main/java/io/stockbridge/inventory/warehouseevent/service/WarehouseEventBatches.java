package io.stockbridge.inventory.warehouseevent.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;
import io.stockbridge.inventory.warehouseevent.WarehouseEventBatch;
import io.stockbridge.inventory.warehouseevent.WarehouseEventBatch.Result;
import io.stockbridge.platform.outbox.OutboxBatch;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Applies a batch of warehouse events, each exactly as a single request would. The first snapshot of each item goes
 * through {@link SnapshotBatch}, a handful of statements for the lot; the events it leaves and the others (movements,
 * a second snapshot of an item) follow in one transaction, in item order (so two batches lock balances in the same
 * order). There, an event that is refused is answered alone and the rest are applied again without it; if that
 * transaction fails for another reason, each event gets a transaction of its own.
 */
@ApplicationScoped
public class WarehouseEventBatches {
  /** By item, then as sent: two batches lock balances in the same order, and an item's events keep theirs. */
  private static final Comparator<BatchEvent> ITEM_ORDER = Comparator.comparing(BatchEvent::sellerId)
      .thenComparing(a -> a.event().warehouseId()).thenComparing(a -> a.event().sellerSku())
      .thenComparing(BatchEvent::index);

  /** Batch events by the way they were settled: set-based, or one by one (movements, repeats, fallbacks). */
  static final String SETTLED = "stockbridge.warehouse.events.batched";

  private final WarehouseEventService events;
  private final MeterRegistry meters;
  private final SnapshotBatch snapshots;
  private final ObjectMapper mapper;
  private final Validator validator;
  private final StockLedgerRepository ledgerRepository;

  public WarehouseEventBatches(WarehouseEventService events, SnapshotBatch snapshots, ObjectMapper mapper,
      Validator validator, StockLedgerRepository ledgerRepository, MeterRegistry meters) {
    this.events = events;
    this.meters = meters;
    this.snapshots = snapshots;
    this.ledgerRepository = ledgerRepository;
    this.mapper = mapper;
    this.validator = validator;
  }

  /** An event refused inside the shared transaction, which rolled back because of it. */
  private static final class Refused extends RuntimeException {
    final int index;
    final ProblemException problem;

    Refused(int index, ProblemException problem) {
      super(problem.getMessage(), null, false, false);
      this.index = index;
      this.problem = problem;
    }
  }

  public Uni<WarehouseEventBatch.Results> apply(String actor, OutboxBatch batch) {
    Map<Integer, Result> results = new LinkedHashMap<>();
    List<BatchEvent> accepted = new ArrayList<>();
    for (int i = 0; i < batch.events().size(); i++) {
      OutboxBatch.Item item = batch.events().get(i);
      Result refusal = read(i, item, accepted);
      if (refusal != null) {
        results.put(i, refusal);
      }
    }
    accepted.sort(ITEM_ORDER);
    // the first snapshot of each item goes the set-based way; what it leaves, and the rest, one by one after it
    Set<StockItem> seen = new HashSet<>();
    List<BatchEvent> setBased = new ArrayList<>();
    List<BatchEvent> oneByOne = new ArrayList<>();
    for (BatchEvent event : accepted) {
      (SnapshotBatch.suits(event.event()) && seen.add(event.item()) ? setBased : oneByOne).add(event);
    }
    return snapshots.apply(actor, setBased)
        .invoke(outcome -> meters.counter(SETTLED, "path", "set-based").increment(outcome.results().size()))
        .onFailure().recoverWithItem(failure -> {
          Log.debugf("%d snapshots could not be applied together (%s); applying them one by one", setBased.size(),
              failure.getMessage());
          return new SnapshotBatch.Outcome(Map.of(), setBased);
        })
        .chain(outcome -> {
          results.putAll(outcome.results());
          List<BatchEvent> rest = new ArrayList<>(outcome.remaining());
          rest.addAll(oneByOne);
          rest.sort(ITEM_ORDER);
          meters.counter(SETTLED, "path", "one-by-one").increment(rest.size());
          return together(actor, rest, results);
        })
        .map(ignored -> new WarehouseEventBatch.Results(IntStream.range(0, batch.events().size())
            .mapToObj(results::get).toList()));
  }

  private Result read(int index, OutboxBatch.Item item, List<BatchEvent> accepted) {
    try {
      accepted.add(new BatchEvent(index, item.eventId(), item.sellerId(),
          item.read(mapper, validator, WarehouseEvent.class)));
      return null;
    } catch (OutboxBatch.Unreadable e) {
      return new Result(item.eventId(), 400, null, e.code(), e.getMessage());
    }
  }

  /** All in one transaction; a refused event is answered and the rest tried again without it. */
  private Uni<Void> together(String actor, List<BatchEvent> pending, Map<Integer, Result> results) {
    if (pending.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Map<Integer, Result> applied = new LinkedHashMap<>();
    KnownCodes known = KnownCodes.none();
    return Panache.withTransaction(() -> lookUpSkus(pending, known).chain(() -> Multi.createFrom().iterable(pending)
            .onItem().transformToUniAndConcatenate(accepted -> applyOne(actor, accepted, known)
                .invoke(result -> applied.put(accepted.index(), result)))
            .collect().last()))
        .invoke(() -> results.putAll(applied))
        .replaceWithVoid()
        .onFailure(Refused.class).recoverWithUni(failure -> {
          Refused refused = (Refused) failure;
          results.put(refused.index, problemResult(pending.stream().filter(a -> a.index() == refused.index)
              .findFirst().orElseThrow().batchId(), refused.problem));
          return together(actor, pending.stream().filter(a -> a.index() != refused.index).toList(), results);
        })
        .onFailure(failure -> !(failure instanceof Refused)).recoverWithUni(failure -> {
          Log.debugf("A batch of %d warehouse events failed together (%s); applying them one by one",
              pending.size(), failure.getMessage());
          return alone(actor, pending, results);
        });
  }

  /** Each event in a transaction of its own: a failure that is not a refusal stays with its event (503, retried). */
  private Uni<Void> alone(String actor, List<BatchEvent> pending, Map<Integer, Result> results) {
    return Multi.createFrom().iterable(pending)
        .onItem().transformToUniAndConcatenate(accepted -> Panache.withTransaction(() -> applyOne(actor, accepted,
                KnownCodes.none()))
            .onFailure(Refused.class).recoverWithItem(failure -> problemResult(accepted.batchId(),
                ((Refused) failure).problem))
            .onFailure().recoverWithItem(failure -> new Result(accepted.batchId(), 503, null,
                "TRY_AGAIN", "The event could not be applied now: " + failure.getMessage()))
            .invoke(result -> results.put(accepted.index(), result)))
        .collect().last()
        .replaceWithVoid();
  }

  /** The batch's SKUs that the ledger knows, one query per seller; unknown ones are refused one by one later. */
  private Uni<Void> lookUpSkus(List<BatchEvent> pending, KnownCodes known) {
    Map<String, Set<String>> skusBySeller = new LinkedHashMap<>();
    pending.forEach(accepted -> skusBySeller.computeIfAbsent(accepted.sellerId(), key -> new java.util.HashSet<>())
        .add(accepted.event().sellerSku()));
    return Multi.createFrom().iterable(skusBySeller.entrySet())
        .onItem().transformToUniAndConcatenate(entry -> ledgerRepository.knownSkus(entry.getKey(), entry.getValue())
            .invoke(found -> known.known(entry.getKey(), found)))
        .collect().asList().replaceWithVoid();
  }

  private Uni<Result> applyOne(String actor, BatchEvent accepted, KnownCodes known) {
    return Uni.createFrom().deferred(() -> events.applyInTransaction(accepted.sellerId(), actor, accepted.event(),
            known))
        .map(outcome -> new Result(accepted.batchId(), 200, outcome.value(), null, null))
        .onFailure(ProblemException.class).transform(problem -> new Refused(accepted.index(),
            (ProblemException) problem));
  }

  private static Result problemResult(String eventId, ProblemException problem) {
    return new Result(eventId, problem.status(), null, problem.code(), problem.getMessage(), problem.retryable());
  }
}
