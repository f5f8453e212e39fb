package io.stockbridge.inventory.warehouseevent.service;

import java.util.ArrayList;
import java.util.List;

import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.service.MovementCommand;
import io.stockbridge.inventory.warehouseevent.WarehouseEvent;

/**
 * What a newer snapshot asks of an item's balance: the movements from and to OUTSIDE that bring each bucket to the
 * warehouse's number, and the state they lead to. Units orders reserved stay reserved; what the warehouse no longer
 * has of them is the shortfall, for reconciliation.
 *
 * @param after the state after the movements, with the new shortfall (its version counts one per movement, as the
 *     ledger's moves do)
 */
record SnapshotPlan(List<MovementCommand> commands, long shortfall, BalanceState after) {

  static SnapshotPlan of(WarehouseEvent event, BalanceState current) {
    WarehouseEvent.Snapshot target = event.snapshot();
    long unreservedTarget = Math.max(0, target.sellable() - current.reserved());
    long shortfall = Math.max(0, current.reserved() - target.sellable());
    List<MovementCommand> commands = new ArrayList<>();
    toward(commands, event, Bucket.IN_TRANSIT, target.inTransit() - current.inTransit());
    toward(commands, event, Bucket.QC, target.qc() - current.qc());
    toward(commands, event, Bucket.FROZEN, target.frozen() - current.frozen());
    toward(commands, event, Bucket.SELLABLE, unreservedTarget - current.unreserved());
    BalanceState after = new BalanceState(target.inTransit(), target.qc(), target.frozen(), unreservedTarget,
        current.reserved(), current.safetyStock(), shortfall, current.version() + commands.size());
    return new SnapshotPlan(commands, shortfall, after);
  }

  private static void toward(List<MovementCommand> commands, WarehouseEvent event, Bucket bucket, long delta) {
    if (delta > 0) {
      commands.add(new MovementCommand(event.sellerSku(), event.warehouseId(), Bucket.OUTSIDE, bucket, delta,
          "SNAPSHOT", event.eventId()));
    } else if (delta < 0) {
      commands.add(new MovementCommand(event.sellerSku(), event.warehouseId(), bucket, Bucket.OUTSIDE, -delta,
          "SNAPSHOT", event.eventId()));
    }
  }
}
