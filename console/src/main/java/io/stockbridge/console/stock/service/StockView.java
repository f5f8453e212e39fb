package io.stockbridge.console.stock.service;

import java.util.List;

import io.stockbridge.console.shell.Section;
import io.stockbridge.console.stock.client.DailyAvailable;
import io.stockbridge.console.stock.client.SkuStock;
import io.stockbridge.console.stock.client.StockLevels;

/**
 * What the Stock page shows: every balance with the per-warehouse chart, and, when the user searched, one SKU with
 * its daily available.
 */
public record StockView(String query, Section<List<Balance>> balances, List<WarehouseTotals> warehouses,
    String warehouseChart, SkuView sku) {

  /** A SKU's buckets in one warehouse, the warehouse named by its code where the gateway knows it. */
  public record Balance(String sellerSku, String warehouseId, String warehouse, StockLevels levels) {
  }

  /** One SKU found by its code or barcode: its balances, and its available at the end of each recent day. */
  public record SkuView(String sellerSku, String foundByBarcode, Section<SkuStock> stock, List<DailyAvailable> days,
      String historyChart, String notFound) {
  }
}
