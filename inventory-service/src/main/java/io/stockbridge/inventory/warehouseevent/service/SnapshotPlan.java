package io.stockbridge.inventory.warehouseevent.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.stock.service.StockLedger;
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;

/**
 * What a newer snapshot asks of an item's balance: the movements that best explain the warehouse's new numbers
 * (STK-2), and the state they lead to. Units that left one bucket while another rose are a transition between the
 * two ({@link #TRANSITIONS}, in order of how a warehouse moves stock); only the unexplained rest enters from or
 * leaves to OUTSIDE. Units orders reserved stay reserved; what the warehouse no longer has of them is the shortfall,
 * for reconciliation.
 *
 * @param unexplained on-hand units that entered (positive) or left (negative) without a transition to explain them:
 *     what reconciliation judges (WH-4)
 * @param after the state after the movements, with the new shortfall (its version counts one per movement, as the
 *     ledger's moves do)
 */
record SnapshotPlan(List<MovementCommand> commands, long shortfall, long unexplained, BalanceState after) {
  /** The audit trail's reason for a reading as a whole; its movements carry the reasons below. */
  static final String AUDIT_REASON = "SNAPSHOT";
  /** An arrival from in transit, by where the warehouse puts it. */
  static final String ARRIVAL = "ARRIVAL";
  /** QC passed: released to sellable (STK-3). */
  static final String QC_PASSED = "QC_PASSED";
  /** QC failed: held as frozen (STK-3). */
  static final String QC_FAILED = "QC_FAILED";
  /** A frozen hold lifted. */
  static final String RELEASED = "RELEASED";
  /** Sellable units put on hold. */
  static final String HELD = "HELD";
  /** In-transit units announced or withdrawn by the warehouse (an inbound shipment notice). */
  static final String INBOUND_NOTICE = "INBOUND_NOTICE";
  /** On-hand units no known movement explains, within the calibration threshold: the ledger books them (WH-4). */
  static final String SYNC_ADJUSTMENT = "SYNC_ADJUSTMENT";
  /** On-hand units no known movement explains, beyond the threshold: booked, and a calibration task opened (WH-4). */
  static final String CALIBRATION_DIFFERENCE = "CALIBRATION_DIFFERENCE";

  private record Transition(Bucket from, Bucket to, String reason) {
  }

  private static final List<Transition> TRANSITIONS = List.of(
      new Transition(Bucket.IN_TRANSIT, Bucket.QC, ARRIVAL),
      new Transition(Bucket.IN_TRANSIT, Bucket.SELLABLE, ARRIVAL),
      new Transition(Bucket.IN_TRANSIT, Bucket.FROZEN, ARRIVAL),
      new Transition(Bucket.QC, Bucket.SELLABLE, QC_PASSED),
      new Transition(Bucket.QC, Bucket.FROZEN, QC_FAILED),
      new Transition(Bucket.FROZEN, Bucket.SELLABLE, RELEASED),
      new Transition(Bucket.SELLABLE, Bucket.FROZEN, HELD));
  private static final List<Bucket> WAREHOUSE_BUCKETS = List.of(Bucket.IN_TRANSIT, Bucket.QC, Bucket.FROZEN,
      Bucket.SELLABLE);

  static SnapshotPlan of(WarehouseEvent event, BalanceState current) {
    WarehouseEvent.Snapshot target = event.snapshot();
    long unreservedTarget = Math.max(0, target.sellable() - current.reserved());
    long shortfall = Math.max(0, current.reserved() - target.sellable());
    Map<Bucket, Long> change = new EnumMap<>(Bucket.class);
    change.put(Bucket.IN_TRANSIT, target.inTransit() - current.inTransit());
    change.put(Bucket.QC, target.qc() - current.qc());
    change.put(Bucket.FROZEN, target.frozen() - current.frozen());
    change.put(Bucket.SELLABLE, unreservedTarget - current.unreserved());

    List<MovementCommand> commands = new ArrayList<>();
    for (Transition transition : TRANSITIONS) {
      long quantity = Math.min(-change.get(transition.from()), change.get(transition.to()));
      if (quantity > 0) {
        commands.add(command(event, transition.from(), transition.to(), quantity, transition.reason()));
        change.merge(transition.from(), quantity, Long::sum);
        change.merge(transition.to(), -quantity, Long::sum);
      }
    }
    long unexplained = 0;
    for (Bucket bucket : WAREHOUSE_BUCKETS) {
      long rest = change.get(bucket);
      // units the warehouse reports in QC with no arrival to explain them are a return waiting for inspection (STK-3)
      String reason = bucket == Bucket.IN_TRANSIT ? INBOUND_NOTICE
          : bucket == Bucket.QC && rest > 0 ? StockLedger.RETURN : SYNC_ADJUSTMENT;
      if (rest > 0) {
        commands.add(command(event, Bucket.OUTSIDE, bucket, rest, reason));
      } else if (rest < 0) {
        commands.add(command(event, bucket, Bucket.OUTSIDE, -rest, reason));
      }
      if (reason.equals(SYNC_ADJUSTMENT)) {
        unexplained += rest;
      }
    }
    BalanceState after = current.buckets(target.inTransit(), target.qc(), target.frozen(), unreservedTarget,
        current.reserved()).withShortfall(shortfall).withVersion(current.version() + commands.size());
    return new SnapshotPlan(commands, shortfall, unexplained, after);
  }

  /** The same plan with its unexplained movements booked as a calibration difference. */
  SnapshotPlan asCalibrationDifference() {
    List<MovementCommand> relabelled = commands.stream().map(command -> !command.reason().equals(SYNC_ADJUSTMENT)
        ? command : new MovementCommand(command.sellerSku(), command.warehouseId(), command.from(), command.to(),
            command.quantity(), CALIBRATION_DIFFERENCE, command.reference())).toList();
    return new SnapshotPlan(relabelled, shortfall, unexplained, after);
  }

  private static MovementCommand command(WarehouseEvent event, Bucket from, Bucket to, long quantity, String reason) {
    return new MovementCommand(event.sellerSku(), event.warehouseId(), from, to, quantity, reason, event.eventId());
  }
}
