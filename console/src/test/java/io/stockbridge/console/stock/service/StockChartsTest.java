package io.stockbridge.console.stock.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.stockbridge.console.stock.client.DailyAvailable;
import io.stockbridge.console.stock.client.StockLevels;

class StockChartsTest {

  private static StockView.Balance balance(String sku, String warehouse, long sellable, long reserved, long inTransit) {
    return new StockView.Balance(sku, warehouse, warehouse,
        new StockLevels(inTransit, 0, 0, sellable, reserved, 0, sellable - reserved, 0));
  }

  @Test
  void eachWarehouseIsOneBarOfItsSummedBucketsScaledToTheFullestAndItsNameIsEscaped() {
    List<WarehouseTotals> totals = WarehouseTotals.of(List.of(balance("A", "WH<1>", 10, 4, 6),
        balance("B", "WH<1>", 5, 0, 0), balance("A", "WH-2", 3, 0, 0)));
    String svg = StockCharts.stackedBars(totals);

    assertThat(totals).extracting(WarehouseTotals::total).containsExactly(21L, 3L);
    assertThat(totals.get(0).unreserved()).isEqualTo(11);
    assertThat(svg).contains("<title>WH&lt;1&gt;: Sellable, free 11</title>", "<title>WH&lt;1&gt;: Reserved 4</title>",
        "<title>WH&lt;1&gt;: In transit 6</title>", "<title>WH-2: Sellable, free 3</title>")
        .doesNotContain("WH<1>").doesNotContain(": QC").doesNotContain(": Frozen");
    // the fullest warehouse spans the plot (450 units of width); the other is a seventh of it
    assertThat(svg).contains("width=\"235.7\"", "width=\"64.3\"");
  }

  @Test
  void theDailyLineHasAPointPerDayTitledWithItsFigure() {
    List<DailyAvailable> days = List.of(new DailyAvailable(LocalDate.parse("2026-12-01"), 0),
        new DailyAvailable(LocalDate.parse("2026-12-02"), 8), new DailyAvailable(LocalDate.parse("2026-12-03"), 4));
    String svg = StockCharts.dailyLine("SKU-1", days);

    assertThat(svg.split("<circle", -1)).hasSize(4);
    assertThat(svg).contains("<title>2026-12-02: 8 available</title>", "aria-label=\"Available units of SKU-1 at the "
        + "end of each of the last 3 days\"");
  }
}
