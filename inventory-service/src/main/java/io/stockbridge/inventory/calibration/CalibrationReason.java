package io.stockbridge.inventory.calibration;

/** Why the shelf and the ledger disagreed, as the seller explains it (rule WH-4). */
public enum CalibrationReason {
  /** A count confirmed the warehouse's figure. */
  COUNT_CONFIRMED,
  /** Units damaged in the warehouse. */
  DAMAGE,
  /** Units lost. */
  LOSS,
  /** Units the warehouse received that nobody announced. */
  UNRECORDED_RECEIPT,
  /** A customer return the ledger had not heard of. */
  RETURN,
  /** Units shipped to the wrong customer or from the wrong warehouse. */
  MIS_SHIPMENT,
  /** The warehouse's or the ledger's figure was wrong for a while (a late or lost sync). */
  SYNC_ERROR,
  /** Anything else; the note says what. */
  OTHER
}
