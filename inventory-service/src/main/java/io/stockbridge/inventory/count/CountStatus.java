package io.stockbridge.inventory.count;

/** Where a count stands. */
public enum CountStatus {
  /** Waiting for the counted figures. */
  OPEN,
  /** Counted with a variance beyond the calibration threshold: a seller-admin approves it before it is applied. */
  PENDING_APPROVAL,
  /** Its variances were booked as COUNT adjustments. */
  APPLIED
}
