package io.stockbridge.console.stock.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** One warehouse's buckets summed over the seller's SKUs: one bar of the stock chart. */
public record WarehouseTotals(String warehouseId, long unreserved, long reserved, long inTransit, long qc, long frozen,
    long available) {
  public long total() {
    return unreserved + reserved + inTransit + qc + frozen;
  }

  /** Sums the balances per warehouse, warehouses in the order they first appear. */
  public static List<WarehouseTotals> of(List<StockView.Balance> balances) {
    Map<String, WarehouseTotals> totals = new LinkedHashMap<>();
    for (StockView.Balance balance : balances) {
      var levels = balance.levels();
      totals.merge(balance.warehouse(), new WarehouseTotals(balance.warehouse(), levels.unreserved(),
          levels.reserved(), levels.inTransit(), levels.qc(), levels.frozen(), levels.available()), WarehouseTotals::plus);
    }
    return List.copyOf(totals.values());
  }

  private WarehouseTotals plus(WarehouseTotals other) {
    return new WarehouseTotals(warehouseId, unreserved + other.unreserved, reserved + other.reserved,
        inTransit + other.inTransit, qc + other.qc, frozen + other.frozen, available + other.available);
  }
}
