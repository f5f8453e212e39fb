package io.stockbridge.inventory.stock.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

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

  /** Reads the state from a native query row whose state columns start at {@code offset}. */
  public BalanceState withShortfall(long newShortfall) {
    return new BalanceState(inTransit, qc, frozen, unreserved, reserved, safetyStock, newShortfall, version);
  }

  public static BalanceState from(Object[] row, int offset) {
    return new BalanceState(num(row[offset]), num(row[offset + 1]), num(row[offset + 2]), num(row[offset + 3]),
        num(row[offset + 4]), num(row[offset + 5]), num(row[offset + 6]), num(row[offset + 7]));
  }

  private static long num(Object value) {
    return ((Number) value).longValue();
  }
}
