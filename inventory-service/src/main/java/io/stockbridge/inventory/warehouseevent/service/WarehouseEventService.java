package io.stockbridge.inventory.warehouseevent.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.calibration.service.CalibrationService;
import io.stockbridge.inventory.calibration.service.CalibrationThreshold;
import io.stockbridge.inventory.stock.StockLevels;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.stock.service.ChangeContext;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;
import io.stockbridge.inventory.warehouseevent.WarehouseEventResult;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Applies normalized warehouse events: each event id once, and never a snapshot older than the one already applied
 * for its item (ordered by the source's sequence when both have one, otherwise by observation time; never by the
 * quantity itself). A snapshot becomes the movements that bring the ledger to the warehouse's numbers, so the
 * ledger stays the sum of its movements. Units that orders reserved but the warehouse no longer has are kept
 * reserved and reported as shortfall, for reconciliation.
 */
@ApplicationScoped
public class WarehouseEventService {
  static final String PATH = "POST /internal/v1/warehouse-events";

  private final StockLedger ledger;
  private final StockLedgerRepository repository;
  private final IdempotentWrites idempotentWrites;
  private final CalibrationService calibrations;
  private final CalibrationThreshold threshold;

  public WarehouseEventService(StockLedger ledger, StockLedgerRepository repository, IdempotentWrites idempotentWrites,
      CalibrationService calibrations, CalibrationThreshold threshold) {
    this.calibrations = calibrations;
    this.threshold = threshold;
    this.ledger = ledger;
    this.repository = repository;
    this.idempotentWrites = idempotentWrites;
  }

  @WithTransaction
  public Uni<IdempotentResult<WarehouseEventResult>> apply(String sellerId, String actor, WarehouseEvent event) {
    return applyInTransaction(sellerId, actor, event, KnownCodes.none());
  }

  /** The same as {@link #apply}, inside the caller's transaction (a batch applies many in one). */
  Uni<IdempotentResult<WarehouseEventResult>> applyInTransaction(String sellerId, String actor, WarehouseEvent event,
      KnownCodes known) {
    validate(event);
    return idempotentWrites.once(sellerId, "warehouse-event", event.eventId(), event, WarehouseEventResult.class,
        // the sender owns warehouses, so a warehouse it reports on exists; SKUs must still be known (WH-3)
        () -> (known.warehouseRegistered(sellerId, event.warehouseId()) ? Uni.createFrom().voidItem()
            : repository.registerWarehouse(sellerId, event.warehouseId())
                .invoke(ignored -> known.registered(sellerId, event.warehouseId())).replaceWithVoid())
            // the warehouse is known now (registered just above): only the SKU is checked
            // a SKU the ledger does not know yet is "not yet", never final: catalog-service's registration of a new
            // SKU travels through its own outbox and may arrive after the SKU's first reading
            .chain(() -> known.skuKnown(sellerId, event.sellerSku()) ? Uni.createFrom().voidItem()
                : ledger.requireKnown(sellerId, List.of(event.sellerSku()),
                    java.util.Collections.singletonList(null), "event")
                    .onFailure(ProblemException.class).transform(unknown -> ((ProblemException) unknown).notYet()))
            .chain(() -> event.kind() == WarehouseEvent.Kind.DELTA
                ? applyDelta(sellerId, actor, event)
                : applySnapshot(sellerId, actor, event)));
  }

  private Uni<WarehouseEventResult> applyDelta(String sellerId, String actor, WarehouseEvent event) {
    List<MovementCommand> commands = event.movements().stream()
        .map(m -> new MovementCommand(m.sellerSku(), m.warehouseId(), m.from(), m.to(), m.quantity(), m.reason(),
            m.reference() == null ? event.eventId() : m.reference()))
        .toList();
    return ledger.apply(context(sellerId, actor, event), commands, "movements")
        .map(changes -> new WarehouseEventResult(event.eventId(), WarehouseEventResult.Outcome.APPLIED,
            StockLevels.of(changes.get(changes.size() - 1).after())));
  }

  private Uni<WarehouseEventResult> applySnapshot(String sellerId, String actor, WarehouseEvent event) {
    StockItem item = new StockItem(sellerId, event.sellerSku(), event.warehouseId());
    // one statement in the usual case: the balance exists, and is locked and read with its snapshot mark at once
    return repository.lockWithMark(item)
        .chain(marked -> marked != null ? Uni.createFrom().item(marked)
            : repository.ensureBalance(item).chain(() -> repository.lockWithMark(item)))
        .chain(marked -> {
          BalanceState current = marked.state();
          if (!isNewer(event, marked.snapshotObservedAt(), marked.snapshotSequence())) {
            return Uni.createFrom().item(new WarehouseEventResult(event.eventId(),
                WarehouseEventResult.Outcome.STALE, StockLevels.of(current)));
          }
          SnapshotPlan planned = SnapshotPlan.of(event, current);
          // the first reading is the baseline; one of an item whose task is unresolved only updates the task
          boolean opens = marked.calibrationTaskId() == null && marked.readBefore()
              && threshold.exceeded(sellerId, planned.unexplained(), current.onHand());
          SnapshotPlan plan = opens ? planned.asCalibrationDifference() : planned;
          ChangeContext context = context(sellerId, actor, event);
          // withheld before the movements announce the new quantity, so the channel never sees what may not be there
          Uni<Void> reconciled = opens
              ? calibrations.open(context, item, current, plan.after(), plan.unexplained())
              : Uni.createFrom().voidItem();
          // the balance stays locked: what the movements report as their result is the row as it now is
          Uni<BalanceState> applied = reconciled.chain(() -> plan.commands().isEmpty() ? Uni.createFrom().item(current)
              : ledger.apply(context, plan.commands(), "snapshot", SnapshotPlan.AUDIT_REASON)
                  .map(changes -> changes.get(changes.size() - 1).after()));
          return applied
              .call(after -> marked.calibrationTaskId() == null ? Uni.createFrom().voidItem()
                  : calibrations.observeReading(marked.calibrationTaskId(), after, event.eventId()))
              .call(() -> repository.markSnapshot(item, event.observedAt(), event.sequence(), plan.shortfall()))
              .map(after -> new WarehouseEventResult(event.eventId(), WarehouseEventResult.Outcome.APPLIED,
                  StockLevels.of(after.withShortfall(plan.shortfall()))));
        });
  }

  /** Orders snapshots of one item: by the source's sequence when both carry one, otherwise by observation time. */
  static boolean isNewer(WarehouseEvent event, OffsetDateTime lastObservedAt, String lastSequence) {
    if (lastObservedAt == null) {
      return true;
    }
    if (event.sequence() != null && lastSequence != null) {
      return compareNumbers(event.sequence(), lastSequence) > 0;
    }
    return event.observedAt().isAfter(lastObservedAt);
  }

  private static int compareNumbers(String a, String b) {
    String x = a.replaceFirst("^0+(?=.)", "");
    String y = b.replaceFirst("^0+(?=.)", "");
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static ChangeContext context(String sellerId, String actor, WarehouseEvent event) {
    return new ChangeContext(sellerId, actor, MovementSource.WAREHOUSE, PATH, event.eventId(), false);
  }

  private static void validate(WarehouseEvent event) {
    List<FieldError> errors = new ArrayList<>();
    if (event.kind() == WarehouseEvent.Kind.DELTA) {
      if (event.movements() == null || event.movements().isEmpty()) {
        errors.add(new FieldError("movements", "required", "a DELTA event carries movements"));
      } else {
        for (int i = 0; i < event.movements().size(); i++) {
          var movement = event.movements().get(i);
          if (!movement.sellerSku().equals(event.sellerSku()) || !movement.warehouseId().equals(event.warehouseId())) {
            errors.add(new FieldError("movements[" + i + "]", "other_item", "must be the event's SKU and warehouse"));
          }
          if (movement.from() == Bucket.RESERVED || movement.to() == Bucket.RESERVED) {
            errors.add(new FieldError("movements[" + i + "]", "reserved_bucket", "warehouses do not move reserved units"));
          }
        }
      }
      if (event.snapshot() != null) {
        errors.add(new FieldError("snapshot", "not_allowed", "a DELTA event carries no snapshot"));
      }
    } else {
      if (event.snapshot() == null) {
        errors.add(new FieldError("snapshot", "required", "a SNAPSHOT event carries the absolute quantities"));
      }
      if (event.movements() != null && !event.movements().isEmpty()) {
        errors.add(new FieldError("movements", "not_allowed", "a SNAPSHOT event carries no movements"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "The warehouse event is not valid", errors);
    }
  }

}
