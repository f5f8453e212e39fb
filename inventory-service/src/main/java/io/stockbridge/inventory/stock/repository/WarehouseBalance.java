package io.stockbridge.inventory.stock.repository;

import io.stockbridge.platform.persistence.SqlRow;

/** One SKU's balance in one warehouse. */
public record WarehouseBalance(String sellerSku, String warehouseId, BalanceState state) {
  public static WarehouseBalance of(SqlRow row) {
    return new WarehouseBalance(row.text("seller_sku"), row.text("warehouse_id"), BalanceState.from(row));
  }
}
