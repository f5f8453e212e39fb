package io.stockbridge.inventory.calibration.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.calibration.Calibration;
import io.stockbridge.inventory.calibration.CalibrationReason;
import io.stockbridge.inventory.calibration.CalibrationResolution;
import io.stockbridge.inventory.calibration.CalibrationStatus;
import io.stockbridge.inventory.calibration.config.CalibrationConfig;
import io.stockbridge.inventory.calibration.repository.CalibrationTask;
import io.stockbridge.inventory.calibration.repository.CalibrationTaskRepository;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.CalibrationHolds;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.stock.service.ChangeContext;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Calibration tasks (rule WH-4): opened by a reading that disagrees with the ledger beyond the threshold, resolved by
 * the seller's reason, escalated when overdue. While one is unresolved the balance withholds what may not be there:
 * the units the reading showed beyond the ledger's figure, and once overdue all of them.
 */
@ApplicationScoped
public class CalibrationService {
  static final String RESOLUTION_PATH = "POST /v1/calibrations/{id}/resolution";

  private final CalibrationTaskRepository tasks;
  private final CalibrationHolds holds;
  private final StockLedgerRepository balances;
  private final StockLedger ledger;
  private final CalibrationConfig config;
  private final SuiteClock clock;

  public CalibrationService(CalibrationTaskRepository tasks, CalibrationHolds holds, StockLedgerRepository balances,
      StockLedger ledger, CalibrationConfig config, SuiteClock clock) {
    this.tasks = tasks;
    this.holds = holds;
    this.balances = balances;
    this.ledger = ledger;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Opens a task for a reading about to be applied, inside its transaction with the balance locked, and withholds
   * the units it shows beyond the ledger's figure before its movements announce the new quantity.
   */
  public Uni<Void> open(ChangeContext context, StockItem item, BalanceState expected, BalanceState observed,
      long unexplained) {
    OffsetDateTime now = clock.now();
    CalibrationTask task = new CalibrationTask();
    task.id = UUID.randomUUID();
    task.sellerId = item.sellerId();
    task.sellerSku = item.sellerSku();
    task.warehouseId = item.warehouseId();
    task.status = CalibrationStatus.OPEN;
    task.expectedInTransit = expected.inTransit();
    task.expectedQc = expected.qc();
    task.expectedFrozen = expected.frozen();
    task.expectedSellable = expected.sellable();
    observe(task, observed);
    task.unexplained = unexplained;
    task.withheld = Math.max(0, Math.min(unexplained, observed.unreserved()));
    task.openedByEvent = context.requestId();
    task.lastEvent = context.requestId();
    task.createdAt = now;
    task.dueAt = now.plus(config.dueAfter());
    return tasks.persist(task)
        .chain(() -> holds.hold(item, task.withheld, task.id))
        .chain(held -> ledger.recordChange(context, item, expected, held, "CALIBRATION_OPENED", task.id.toString()))
        .replaceWithVoid();
  }

  /** A later reading of an item whose task is unresolved: the task shows the warehouse's latest figures. */
  public Uni<Void> observeReading(UUID taskId, BalanceState observed, String eventId) {
    return tasks.findById(taskId).invoke(task -> {
      observe(task, observed);
      task.lastEvent = eventId;
    }).replaceWithVoid();
  }

  @WithSession
  public Uni<Calibration> find(String sellerId, UUID id) {
    return owned(sellerId, id).map(Calibration::of);
  }

  @WithSession
  public Uni<Page<Calibration>> list(String sellerId, String sellerSku, String warehouseId, CalibrationStatus status,
      String cursor, int limit) {
    return tasks.page(sellerId, sellerSku, warehouseId, status, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, task -> new PageCursor(task.createdAt, task.id), Calibration::of));
  }

  /** The seller's reason settles the task and ends the hold; a resolved task stays as it was resolved. */
  @WithTransaction
  public Uni<Calibration> resolve(String sellerId, String actor, UUID id, CalibrationResolution resolution) {
    return owned(sellerId, id).chain(task -> {
      if (task.status == CalibrationStatus.RESOLVED) {
        throw ProblemException.conflict(InventoryProblem.CALIBRATION_ALREADY_RESOLVED,
            "Calibration task " + id + " was resolved on " + task.resolvedAt + " (" + task.resolutionReason + ")");
      }
      task.status = CalibrationStatus.RESOLVED;
      task.resolvedAt = clock.now();
      task.resolutionReason = resolution.reason();
      task.resolutionNote = resolution.note();
      task.resolvedBy = actor;
      StockItem item = new StockItem(task.sellerId, task.sellerSku, task.warehouseId);
      ChangeContext context = new ChangeContext(sellerId, actor, MovementSource.MANUAL, RESOLUTION_PATH,
          id.toString(), false);
      return balances.lock(item)
          .chain(before -> holds.release(item)
              .chain(after -> ledger.recordChange(context, item, before, after,
                  "CALIBRATION_RESOLVED_" + resolution.reason(), id.toString())))
          .replaceWith(Calibration.of(task));
    });
  }

  /**
   * A count of the item confirmed the shelf: its unresolved task, if any, is resolved as COUNT_CONFIRMED and its hold
   * ends. Call within the count's transaction.
   */
  public Uni<Void> resolveByCount(StockItem item, UUID countId, String actor) {
    return tasks.find("sellerId = ?1 and sellerSku = ?2 and warehouseId = ?3 and status in ?4", item.sellerId(),
            item.sellerSku(), item.warehouseId(), java.util.List.of(CalibrationStatus.OPEN, CalibrationStatus.ESCALATED))
        .firstResult()
        .chain(task -> {
          if (task == null) {
            return Uni.createFrom().voidItem();
          }
          task.status = CalibrationStatus.RESOLVED;
          task.resolvedAt = clock.now();
          task.resolutionReason = CalibrationReason.COUNT_CONFIRMED;
          task.resolutionNote = "count " + countId;
          task.resolvedBy = actor;
          ChangeContext context = new ChangeContext(item.sellerId(), actor, MovementSource.COUNT,
              "POST /v1/counts/{id}/results", countId.toString(), false);
          return balances.lock(item)
              .chain(before -> holds.release(item)
                  .chain(after -> ledger.recordChange(context, item, before, after,
                      "CALIBRATION_RESOLVED_COUNT_CONFIRMED", task.id.toString())))
              .replaceWithVoid();
        });
  }

  /** Escalates one overdue task: the SKU takes no new orders in that warehouse until the task is resolved. */
  Uni<Void> escalate(UUID id) {
    return tasks.findById(id).chain(task -> {
      task.status = CalibrationStatus.ESCALATED;
      task.escalatedAt = clock.now();
      StockItem item = new StockItem(task.sellerId, task.sellerSku, task.warehouseId);
      ChangeContext context = new ChangeContext(task.sellerId, "system", MovementSource.SYSTEM,
          "calibration escalation", id.toString(), false);
      return balances.lock(item)
          .chain(before -> holds.hold(item, BalanceState.ALL_WITHHELD, id)
              .chain(after -> ledger.recordChange(context, item, before, after, "CALIBRATION_ESCALATED",
                  id.toString())))
          .replaceWithVoid();
    });
  }

  private Uni<CalibrationTask> owned(String sellerId, UUID id) {
    return tasks.findOwned(sellerId, id).map(task -> {
      if (task == null) {
        throw ProblemException.notFound("Calibration task", id.toString());
      }
      return task;
    });
  }

  private static void observe(CalibrationTask task, BalanceState observed) {
    task.observedInTransit = observed.inTransit();
    task.observedQc = observed.qc();
    task.observedFrozen = observed.frozen();
    task.observedSellable = observed.sellable();
  }
}
