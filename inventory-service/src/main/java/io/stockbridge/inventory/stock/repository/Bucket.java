package io.stockbridge.inventory.stock.repository;

/**
 * Where units of a SKU are, in a warehouse (rule STK-1). {@link #OUTSIDE} is where units come from when they enter
 * the ledger (shipped to the warehouse, found in a count) and go to when they leave it (shipped to a customer,
 * written off).
 * <p>
 * In the ledger, {@link #SELLABLE} holds the on-shelf units no order has reserved and {@link #RESERVED} those an
 * order has; the API's "sellable" is their sum. So reserving is a move SELLABLE to RESERVED, and every bucket is
 * the sum of the movements into it minus those out of it (STK-2).
 */
public enum Bucket {
  OUTSIDE(null),
  IN_TRANSIT("in_transit"),
  QC("qc"),
  FROZEN("frozen"),
  SELLABLE("unreserved"),
  RESERVED("reserved");

  private final String column;

  Bucket(String column) {
    this.column = column;
  }

  /** Whether units here are physically in the warehouse (what stock age counts, rule STK-4). */
  public boolean onHand() {
    return this == QC || this == FROZEN || this == SELLABLE || this == RESERVED;
  }

  /** The balance column holding this bucket; null for {@link #OUTSIDE}. Never user input, so safe in SQL. */
  public String column() {
    return column;
  }
}
