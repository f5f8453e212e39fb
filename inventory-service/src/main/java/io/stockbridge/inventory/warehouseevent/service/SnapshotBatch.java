package io.stockbridge.inventory.warehouseevent.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.calibration.service.CalibrationThreshold;
import io.stockbridge.inventory.stock.StockLevels;
import io.stockbridge.inventory.stock.config.StockConfig;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.LedgerBatchStatements;
import io.stockbridge.inventory.stock.repository.LedgerBatchStatements.LayerChange;
import io.stockbridge.inventory.stock.repository.LedgerBatchStatements.StateWrite;
import io.stockbridge.inventory.stock.repository.MarkedBalance;
import io.stockbridge.inventory.stock.repository.MovementSource;
import io.stockbridge.inventory.stock.repository.StockItem;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository.AuditRow;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository.MovementRow;
import io.stockbridge.inventory.stock.service.ItemChange;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;
import io.stockbridge.inventory.warehouseevent.WarehouseEventBatch.Result;
import io.stockbridge.inventory.warehouseevent.WarehouseEventResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.idempotency.IdempotentWrites.Claim;
import io.stockbridge.platform.idempotency.IdempotentWrites.Completion;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Applies a batch of snapshots, one per item, in one transaction of about a dozen statements whatever its size:
 * every step (idempotency claims, balance locks, new states, movements, age layers, audit, channel events) is one
 * statement for all items. Each snapshot is judged exactly as {@link WarehouseEventService} judges a single one
 * (never an older one over a newer one, reserved units kept and the rest reported as shortfall), with the same
 * movements, audit entry, outbox event and stored result, so the two paths are interchangeable per event.
 * <p>
 * What this path does not settle is handed back, for the one-by-one path: events whose id was seen before (to be
 * replayed or refused there), events naming a SKU the ledger does not know (to be refused there, naming it), and
 * readings of an item under calibration or that open a calibration task (WH-4, rare, and settled there). Each is
 * handed back alone, before anything of it is claimed, so one seller's calibration never sends the other sellers'
 * readings of the batch down the slow path.
 */
@ApplicationScoped
public class SnapshotBatch {
  static final String SCOPE = "warehouse-event";
  private static final String AUDIT_PATH = MovementSource.WAREHOUSE + " " + WarehouseEventService.PATH;

  private final Pool pool;
  private final LedgerBatchStatements statements;
  private final IdempotentWrites idempotentWrites;
  private final StockLedger ledger;
  private final Outbox outbox;
  private final StockConfig config;
  private final CalibrationThreshold threshold;

  public SnapshotBatch(Pool pool, LedgerBatchStatements statements, IdempotentWrites idempotentWrites,
      StockLedger ledger, Outbox outbox, StockConfig config, CalibrationThreshold threshold) {
    this.threshold = threshold;
    this.pool = pool;
    this.statements = statements;
    this.idempotentWrites = idempotentWrites;
    this.ledger = ledger;
    this.outbox = outbox;
    this.config = config;
  }

  /** What a round settled (answers by batch index) and the events it left to the one-by-one path. */
  record Outcome(Map<Integer, Result> results, List<BatchEvent> remaining) {
  }

  /** Whether an event is a well-formed snapshot, the only kind this path applies. */
  static boolean suits(WarehouseEvent event) {
    return event.kind() == WarehouseEvent.Kind.SNAPSHOT && event.snapshot() != null
        && (event.movements() == null || event.movements().isEmpty());
  }

  /**
   * Applies the events, which must all {@link #suits suit} and name distinct items, in one transaction; if it
   * fails, nothing of it stays and the caller may apply the same events another way.
   */
  Uni<Outcome> apply(String actor, List<BatchEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(new Outcome(Map.of(), List.of()));
    }
    return pool.withTransaction(client -> new Round(client, actor).run(events));
  }

  /** One transaction's work; collects the rows every statement writes. */
  private final class Round {
    private final SqlClient client;
    private final String actor;
    private final Map<Integer, Result> results = new HashMap<>();
    private final List<BatchEvent> remaining = new ArrayList<>();
    private final List<StateWrite> states = new ArrayList<>();
    private final List<MovementRow> movements = new ArrayList<>();
    private final List<LayerChange> receipts = new ArrayList<>();
    private final List<LayerChange> departures = new ArrayList<>();
    private final List<AuditRow> audits = new ArrayList<>();
    private final List<OutboxMessage> announcements = new ArrayList<>();
    private final List<Completion> completions = new ArrayList<>();

    Round(SqlClient client, String actor) {
      this.client = client;
      this.actor = actor;
    }

    Uni<Outcome> run(List<BatchEvent> events) {
      // unknown SKUs and calibrations are sorted out before anything is claimed, so that they leave no claim behind
      return statements.knownSkus(client, events.stream().map(BatchEvent::item).toList())
          .chain(known -> {
            List<BatchEvent> knownEvents = new ArrayList<>();
            for (BatchEvent event : events) {
              (known.contains(event.sellerId() + "\n" + event.event().sellerSku()) ? knownEvents : remaining).add(event);
            }
            if (knownEvents.isEmpty()) {
              return Uni.createFrom().item(List.<BatchEvent>of());
            }
            List<StockItem> items = knownEvents.stream().map(BatchEvent::item).toList();
            return statements.registerWarehouses(client, items)
                .chain(() -> statements.lockBalances(client, items))
                .chain(locked -> {
                  List<BatchEvent> plain = new ArrayList<>();
                  for (BatchEvent event : knownEvents) {
                    (involvesCalibration(event, locked.get(event.item())) ? remaining : plain).add(event);
                  }
                  return claim(plain).chain(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                      : applyClaimed(claimed, locked));
                });
          })
          .map(ignored -> new Outcome(results, remaining));
    }

    /** A newer reading of an item under calibration, or one whose unexplained difference opens a task (WH-4). */
    private boolean involvesCalibration(BatchEvent batchEvent, MarkedBalance marked) {
      WarehouseEvent event = batchEvent.event();
      if (!WarehouseEventService.isNewer(event, marked.snapshotObservedAt(), marked.snapshotSequence())) {
        return false;
      }
      if (marked.calibrationTaskId() != null) {
        return true;
      }
      return marked.readBefore() && threshold.exceeded(batchEvent.sellerId(),
          SnapshotPlan.of(event, marked.state()).unexplained(), marked.state().onHand());
    }

    private Uni<List<BatchEvent>> claim(List<BatchEvent> events) {
      List<Claim> claims = events.stream()
          .map(event -> new Claim(event.sellerId(), event.event().eventId(), event.event())).toList();
      return idempotentWrites.claimAll(client, SCOPE, claims).map(fresh -> {
        List<BatchEvent> claimed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
          (fresh.contains(claims.get(i)) ? claimed : remaining).add(events.get(i));
        }
        return claimed;
      });
    }

    private Uni<Void> applyClaimed(List<BatchEvent> events, Map<StockItem, MarkedBalance> locked) {
      events.forEach(event -> judge(event, locked.get(event.item())));
      return statements.writeStates(client, states)
          .chain(() -> statements.recordMovements(client, movements))
          .chain(() -> statements.addLayers(client, receipts))
          .chain(() -> statements.consumeLayers(client, departures))
          .chain(() -> statements.recordAudits(client, audits))
          .chain(() -> announcements.isEmpty() ? Uni.createFrom().voidItem()
              : outbox.enqueueAll(client, announcements).replaceWithVoid())
          .chain(() -> idempotentWrites.completeAll(client, SCOPE, completions));
    }

    private void judge(BatchEvent batchEvent, MarkedBalance marked) {
      WarehouseEvent event = batchEvent.event();
      BalanceState current = marked.state();
      if (!WarehouseEventService.isNewer(event, marked.snapshotObservedAt(), marked.snapshotSequence())) {
        settle(batchEvent, new WarehouseEventResult(event.eventId(), WarehouseEventResult.Outcome.STALE,
            StockLevels.of(current)));
        return;
      }
      StockItem item = batchEvent.item();
      SnapshotPlan plan = SnapshotPlan.of(event, current);
      states.add(new StateWrite(item, plan.after(), event.observedAt(), event.sequence()));
      long departing = 0;
      for (MovementCommand command : plan.commands()) {
        if (command.quantity() > config.maxQuantity()) {
          // the one-by-one path refuses it with the field named; this transaction gives way to it
          throw new IllegalStateException("A snapshot movement of " + item + " exceeds the largest quantity");
        }
        movements.add(new MovementRow(item, command.from(), command.to(), command.quantity(), command.reason(),
            MovementSource.WAREHOUSE, command.reference(), actor, event.eventId()));
        // the same age layers as one movement at a time: an arrival on hand is a receipt, departures take the
        // oldest first, and moves between on-hand buckets (a QC release) keep their receipt dates (STK-4)
        if (!command.from().onHand() && command.to().onHand()) {
          receipts.add(new LayerChange(item, command.quantity(), command.reference()));
        } else if (command.from().onHand() && !command.to().onHand()) {
          departing += command.quantity();
        }
      }
      if (departing > 0) {
        departures.add(new LayerChange(item, departing, event.eventId()));
      }
      if (!plan.commands().isEmpty()) {
        audits.add(new AuditRow(item, actor, AUDIT_PATH, SnapshotPlan.AUDIT_REASON, ledger.describe(current),
            ledger.describe(plan.after()), event.eventId()));
        OutboxMessage announcement = ledger.announcement(new ItemChange(item, current, plan.after()));
        if (announcement != null) {
          announcements.add(announcement);
        }
      }
      settle(batchEvent, new WarehouseEventResult(event.eventId(), WarehouseEventResult.Outcome.APPLIED,
          StockLevels.of(plan.after())));
    }

    private void settle(BatchEvent event, WarehouseEventResult result) {
      completions.add(new Completion(event.sellerId(), event.event().eventId(), result));
      results.put(event.index(), new Result(event.batchId(), 200, result, null, null));
    }
  }
}
