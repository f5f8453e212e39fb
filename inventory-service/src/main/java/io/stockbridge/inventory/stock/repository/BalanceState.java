package io.stockbridge.inventory.stock.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * The buckets of one (seller, SKU, warehouse) at one moment.
 */
@RegisterForReflection
public record BalanceState(long inTransit, long qc, long frozen, long unreserved, long reserved, long safetyStock,
    long shortfall, long version, long withheld) {

  public static final BalanceState EMPTY = new BalanceState(0, 0, 0, 0, 0, 0, 0, 0, 0);
  /** Withholds every unreserved unit: an overdue calibration task takes no new orders (rule WH-4). */
  public static final long ALL_WITHHELD = Long.MAX_VALUE;

  /** The state without a calibration hold (what the older constructor callers describe). */
  public BalanceState(long inTransit, long qc, long frozen, long unreserved, long reserved, long safetyStock,
      long shortfall, long version) {
    this(inTransit, qc, frozen, unreserved, reserved, safetyStock, shortfall, version, 0);
  }

  /** Units physically in the warehouse: in QC, frozen or on the shelf. */
  public long onHand() {
    return qc + frozen + unreserved + reserved;
  }

  /** Units on the shelf, reserved or not (the API's "sellable"). */
  public long sellable() {
    return unreserved + reserved;
  }

  /**
   * What the channel may show: sellable minus reserved minus safety stock, never below zero (rule STK-1), and less
   * what an unresolved calibration task withholds (rule WH-4).
   */
  public long available() {
    long free = unreserved - safetyStock;
    return withheld >= free ? 0 : free - withheld;
  }

  /** The units a calibration hold keeps from sale right now (at most the unreserved ones). */
  public long withheldNow() {
    return Math.min(withheld, Math.max(0, unreserved));
  }

  public long quantityIn(Bucket bucket) {
    return switch (bucket) {
      case OUTSIDE -> 0;
      case IN_TRANSIT -> inTransit;
      case QC -> qc;
      case FROZEN -> frozen;
      case SELLABLE -> unreserved;
      case RESERVED -> reserved;
    };
  }

  /** The state before a movement that led to this one. */
  public BalanceState undo(Bucket from, Bucket to, long quantity) {
    return adjust(from, quantity).adjust(to, -quantity).withVersion(version - 1);
  }

  private BalanceState adjust(Bucket bucket, long delta) {
    return switch (bucket) {
      case OUTSIDE -> this;
      case IN_TRANSIT -> buckets(inTransit + delta, qc, frozen, unreserved, reserved);
      case QC -> buckets(inTransit, qc + delta, frozen, unreserved, reserved);
      case FROZEN -> buckets(inTransit, qc, frozen + delta, unreserved, reserved);
      case SELLABLE -> buckets(inTransit, qc, frozen, unreserved + delta, reserved);
      case RESERVED -> buckets(inTransit, qc, frozen, unreserved, reserved + delta);
    };
  }

  /** The same balance with other bucket quantities. */
  public BalanceState buckets(long newInTransit, long newQc, long newFrozen, long newUnreserved, long newReserved) {
    return new BalanceState(newInTransit, newQc, newFrozen, newUnreserved, newReserved, safetyStock, shortfall, version,
        withheld);
  }

  public BalanceState withVersion(long newVersion) {
    return new BalanceState(inTransit, qc, frozen, unreserved, reserved, safetyStock, shortfall, newVersion, withheld);
  }

  public BalanceState withWithheld(long newWithheld) {
    return new BalanceState(inTransit, qc, frozen, unreserved, reserved, safetyStock, shortfall, version, newWithheld);
  }

  public BalanceState withShortfall(long newShortfall) {
    return new BalanceState(inTransit, qc, frozen, unreserved, reserved, safetyStock, newShortfall, version, withheld);
  }

  /** Reads the state from a row of a native query that selected {@link StockLedgerRepository#STATE}. */
  public static BalanceState from(SqlRow row) {
    return new BalanceState(row.number("in_transit"), row.number("qc"), row.number("frozen"), row.number("unreserved"),
        row.number("reserved"), row.number("safety_stock"), row.number("shortfall"), row.number("version"),
        row.number("withheld"));
  }
}
