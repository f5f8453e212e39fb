package io.stockbridge.inventory.stock.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.stockbridge.platform.persistence.SqlRow;

/** A balance with the mark of the last snapshot applied to it. */
public record MarkedBalance(BalanceState state, OffsetDateTime snapshotObservedAt, String snapshotSequence,
    UUID calibrationTaskId) {
  static MarkedBalance of(SqlRow row) {
    return new MarkedBalance(BalanceState.from(row), row.timestamp("snapshot_observed_at"),
        row.text("snapshot_sequence"), row.uuid("calibration_task_id"));
  }

  /** Whether the item had a reading before: the first one is the baseline, with nothing to reconcile. */
  public boolean readBefore() {
    return snapshotObservedAt != null;
  }
}
