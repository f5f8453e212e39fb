package io.stockbridge.inventory.stock.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * The buckets of one (seller, SKU, warehouse) at one moment.
 */
@RegisterForReflection
public record BalanceState(long inTransit, long qc, long frozen, long unreserved, long reserved, long safetyStock,
    long shortfall, long version) {

  public static final BalanceState EMPTY = new BalanceState(0, 0, 0, 0, 0, 0, 0, 0);

  /** Units on the shelf, reserved or not (the API's "sellable"). */
  public long sellable() {
    return unreserved + reserved;
  }

  /** What the channel may show: sellable minus reserved minus safety stock, never below zero (rule STK-1). */
  public long available() {
    return Math.max(0, unreserved - safetyStock);
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
      case IN_TRANSIT -> new BalanceState(inTransit + delta, qc, frozen, unreserved, reserved, safetyStock, shortfall, version);
      case QC -> new BalanceState(inTransit, qc + delta, frozen, unreserved, reserved, safetyStock, shortfall, version);
      case FROZEN -> new BalanceState(inTransit, qc, frozen + delta, unreserved, reserved, safetyStock, shortfall, version);
      case SELLABLE -> new BalanceState(inTransit, qc, frozen, unreserved + delta, reserved, safetyStock, shortfall, version);
      case RESERVED -> new BalanceState(inTransit, qc, frozen, unreserved, reserved + delta, safetyStock, shortfall, version);
    };
  }

  public BalanceState withVersion(long newVersion) {
    return new BalanceState(inTransit, qc, frozen, unreserved, reserved, safetyStock, shortfall, newVersion);
  }

  public BalanceState withShortfall(long newShortfall) {
    return new BalanceState(inTransit, qc, frozen, unreserved, reserved, safetyStock, newShortfall, version);
  }

  /** Reads the state from a row of a native query that selected {@link StockLedgerRepository#STATE}. */
  public static BalanceState from(SqlRow row) {
    return new BalanceState(row.number("in_transit"), row.number("qc"), row.number("frozen"), row.number("unreserved"),
        row.number("reserved"), row.number("safety_stock"), row.number("shortfall"), row.number("version"));
  }
}
