package io.stockbridge.inventory.health.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.alert.config.AlertConfig;
import io.stockbridge.inventory.health.HealthTotals;
import io.stockbridge.inventory.health.InventoryHealth;
import io.stockbridge.inventory.health.ItemHealth;
import io.stockbridge.inventory.health.config.HealthConfig;
import io.stockbridge.inventory.health.repository.HealthFigures;
import io.stockbridge.inventory.health.repository.ItemFigures;
import io.stockbridge.inventory.sales.DateWindow;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The inventory health report (rule CNT-4): turnover days, sell-through and age structure per SKU and warehouse,
 * per warehouse and for the seller, with days of cover, stale readings and what is below its safety stock. Totals
 * are computed from summed units, never as averages of the items' ratios.
 */
@ApplicationScoped
public class InventoryHealthReport {
  private static final int DEFAULT_DAYS = 30;

  private final HealthFigures figures;
  private final HealthConfig config;
  private final AlertConfig alerts;
  private final SuiteClock clock;

  public InventoryHealthReport(HealthFigures figures, HealthConfig config, AlertConfig alerts, SuiteClock clock) {
    this.figures = figures;
    this.config = config;
    this.alerts = alerts;
    this.clock = clock;
  }

  public Uni<InventoryHealth> of(String sellerId, String warehouseId, String from, String to) {
    OffsetDateTime now = clock.now();
    DateWindow window = DateWindow.parse(from, to, now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
        DEFAULT_DAYS);
    return figures.of(sellerId, warehouseId, window, now.minusDays(90), now.minus(alerts.agedAfter()))
        .map(items -> report(items, window, now));
  }

  private InventoryHealth report(List<ItemFigures> items, DateWindow window, OffsetDateTime now) {
    OffsetDateTime staleBefore = now.minus(config.staleReadingAfter());
    List<ItemHealth> healths = new ArrayList<>();
    Map<String, Sum> byWarehouse = new LinkedHashMap<>();
    Sum seller = new Sum();
    for (ItemFigures item : items) {
      boolean stale = item.lastReadingAt() == null || item.lastReadingAt().isBefore(staleBefore);
      boolean below = item.unreserved() < item.safetyStock();
      Ratios ratios = ratios(item.onHand(), item.available(), item.unitsSold(), item.unitsHeld(),
          item.olderThan90Days(), item.aged(), window.days());
      healths.add(new ItemHealth(item.sellerSku(), item.warehouseId(), item.onHand(), item.available(),
          item.unitsSold(), ratios.dailySales(), ratios.daysOfCover(), ratios.turnoverDays(),
          ratios.sellThroughPercent(), ratios.olderThan90DaysPercent(), ratios.agedPercent(), item.lastReadingAt(),
          stale, below));
      byWarehouse.computeIfAbsent(item.warehouseId(), id -> new Sum()).add(item, stale, below);
      seller.add(item, stale, below);
    }
    List<HealthTotals> warehouses = byWarehouse.entrySet().stream()
        .map(e -> totals(e.getKey(), e.getValue(), window.days())).toList();
    return new InventoryHealth(window.from(), window.to(), now, healths, warehouses,
        totals(null, seller, window.days()));
  }

  private HealthTotals totals(String warehouseId, Sum sum, int days) {
    Ratios ratios = ratios(sum.onHand, sum.available, sum.sold, sum.held, sum.older90, sum.aged, days);
    return new HealthTotals(warehouseId, sum.items, sum.onHand, sum.available, sum.sold, ratios.dailySales(),
        ratios.daysOfCover(), ratios.turnoverDays(), ratios.sellThroughPercent(), ratios.olderThan90DaysPercent(),
        ratios.agedPercent(), percent(sum.stale, sum.items), sum.below,
        ratios.turnoverDays() != null && ratios.turnoverDays() <= config.healthyTurnoverDays(),
        ratios.sellThroughPercent() > config.goodSellThroughPercent(),
        ratios.agedPercent() < alerts.agedSharePercent());
  }

  /** The report's ratios of a set of units, the same for an item and for a total. */
  private record Ratios(double dailySales, Double daysOfCover, Double turnoverDays, double sellThroughPercent,
      double olderThan90DaysPercent, double agedPercent) {
  }

  private static Ratios ratios(long onHand, long available, long sold, long held, long older90, long aged, int days) {
    double daily = (double) sold / days;
    return new Ratios(round(daily), daily == 0 ? null : round(available / daily),
        daily == 0 ? null : round(onHand / daily), percent(sold, sold + onHand), percent(older90, held),
        percent(aged, held));
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : round(part * 100.0 / whole);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Units summed over items. */
  private static final class Sum {
    long items;
    long onHand;
    long available;
    long sold;
    long held;
    long older90;
    long aged;
    long stale;
    long below;

    void add(ItemFigures item, boolean staleReading, boolean belowSafety) {
      items++;
      onHand += item.onHand();
      available += item.available();
      sold += item.unitsSold();
      held += item.unitsHeld();
      older90 += item.olderThan90Days();
      aged += item.aged();
      stale += staleReading ? 1 : 0;
      below += belowSafety ? 1 : 0;
    }
  }
}
