package io.stockbridge.inventory.calibration;

/** Where a calibration task stands (rule WH-4). */
public enum CalibrationStatus {
  /** Waiting for the seller's reason or a count, within its due time. */
  OPEN,
  /** Explained by the seller or settled by a count. */
  RESOLVED,
  /** Past its due time unexplained: the SKU takes no new orders in that warehouse until it is resolved. */
  ESCALATED
}
