package io.stockbridge.inventory.health.rest;

import java.util.List;

import io.stockbridge.inventory.health.HealthTotals;
import io.stockbridge.inventory.health.InventoryHealth;
import io.stockbridge.inventory.health.ItemHealth;

/** The health report as CSV: a line per SKU and warehouse, then a line per warehouse, then the seller's line. */
final class HealthCsv {
  static final String HEADER = "scope,sellerSku,warehouseId,items,onHand,available,unitsSold,dailySales,daysOfCover,"
      + "turnoverDays,sellThroughPercent,olderThan90DaysPercent,agedPercent,staleReadingsPercent,belowSafetyStock";

  private HealthCsv() {
  }

  static String of(InventoryHealth report) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (ItemHealth item : report.items()) {
      line(csv, List.of("ITEM", item.sellerSku(), item.warehouseId(), 1, item.onHand(), item.available(),
          item.unitsSold(), item.dailySales(), blank(item.daysOfCover()), blank(item.turnoverDays()),
          item.sellThroughPercent(), item.olderThan90DaysPercent(), item.agedPercent(),
          item.staleReading() ? 100.0 : 0.0, item.belowSafetyStock() ? 1 : 0));
    }
    for (HealthTotals warehouse : report.warehouses()) {
      totals(csv, "WAREHOUSE", warehouse);
    }
    totals(csv, "SELLER", report.seller());
    return csv.toString();
  }

  private static void totals(StringBuilder csv, String scope, HealthTotals totals) {
    line(csv, List.of(scope, "", totals.warehouseId() == null ? "" : totals.warehouseId(), totals.items(),
        totals.onHand(), totals.available(), totals.unitsSold(), totals.dailySales(), blank(totals.daysOfCover()),
        blank(totals.turnoverDays()), totals.sellThroughPercent(), totals.olderThan90DaysPercent(),
        totals.agedPercent(), totals.staleReadingsPercent(), totals.belowSafetyStock()));
  }

  private static Object blank(Double value) {
    return value == null ? "" : value;
  }

  private static void line(StringBuilder csv, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = String.valueOf(cells.get(i));
      // a formula-looking cell is defused, and a cell with a separator, quote or line break is quoted
      if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
        cell = "'" + cell;
      }
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        cell = "\"" + cell.replace("\"", "\"\"") + "\"";
      }
      csv.append(i == 0 ? "" : ",").append(cell);
    }
    csv.append('\n');
  }
}
