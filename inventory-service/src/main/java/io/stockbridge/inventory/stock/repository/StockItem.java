package io.stockbridge.inventory.stock.repository;

/**
 * One (seller, SKU, warehouse): the unit the ledger keeps balances for. Ordered so that locks are always taken
 * in the same order, which rules out deadlocks between multi-item changes.
 */
public record StockItem(String sellerId, String sellerSku, String warehouseId) implements Comparable<StockItem> {

  @Override
  public int compareTo(StockItem other) {
    int bySku = sellerSku.compareTo(other.sellerSku);
    return bySku != 0 ? bySku : warehouseId.compareTo(other.warehouseId);
  }
}
