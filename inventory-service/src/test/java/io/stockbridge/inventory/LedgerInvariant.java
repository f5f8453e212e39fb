package io.stockbridge.inventory;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * Rule STK-2: every bucket of every balance equals the movements into it minus those out of it.
 */
public final class LedgerInvariant {
  private static final String BUCKET_SUM = "coalesce((select sum(case when m.to_bucket = '%1$s' then m.quantity else 0 end)"
      + " - sum(case when m.from_bucket = '%1$s' then m.quantity else 0 end) from stock_movement m"
      + " where m.seller_id = b.seller_id and m.seller_sku = b.seller_sku and m.warehouse_id = b.warehouse_id), 0)";

  private LedgerInvariant() {
  }

  /** @return how many balances differ from the sum of their movements (0 when the ledger is consistent) */
  public static long mismatches(Pool pool) {
    String sql = "select count(*) from stock_balance b where b.in_transit <> " + BUCKET_SUM.formatted("IN_TRANSIT")
        + " or b.qc <> " + BUCKET_SUM.formatted("QC")
        + " or b.frozen <> " + BUCKET_SUM.formatted("FROZEN")
        + " or b.unreserved <> " + BUCKET_SUM.formatted("SELLABLE")
        + " or b.reserved <> " + BUCKET_SUM.formatted("RESERVED");
    return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
  }
}
