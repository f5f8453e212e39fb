package io.stockbridge.console.stock.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stockbridge.console.stock.client.AuditEntry;
import io.stockbridge.console.stock.client.AuditWindow;
import io.stockbridge.console.stock.client.WarehouseStock;

/**
 * A SKU's available quantity at the end of each of the last days (UTC), over all its warehouses, rebuilt from the
 * ledger's audit trail: each warehouse holds the figure its last change of the day left, and before its first change
 * in the window the figure that change started from. When the changes read are not all of them, the days after the
 * last one read are not known (today's figure always is: it is the ledger's balance now).
 */
public record DailyAvailable(LocalDate day, long available, boolean known) {

  public static List<DailyAvailable> of(AuditWindow window, List<WarehouseStock> now, LocalDate today, int days) {
    List<AuditEntry> changes = window.changes();
    OffsetDateTime knownUntil = window.complete() || changes.isEmpty() ? null : changes.get(changes.size() - 1).at();
    Map<String, List<AuditEntry>> byWarehouse = new HashMap<>();
    for (AuditEntry change : changes) {
      if (change.availableAfter() >= 0) {
        byWarehouse.computeIfAbsent(change.warehouseId(), key -> new ArrayList<>()).add(change);
      }
    }
    Map<String, Long> current = new HashMap<>();
    now.forEach(balance -> current.put(balance.warehouseId(), balance.levels().available()));
    byWarehouse.keySet().forEach(warehouse -> current.putIfAbsent(warehouse, 0L));
    List<DailyAvailable> series = new ArrayList<>();
    for (int i = days - 1; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      OffsetDateTime end = day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      if (knownUntil != null && end.isAfter(knownUntil) && !day.equals(today)) {
        series.add(new DailyAvailable(day, 0, false));
        continue;
      }
      long sum = 0;
      for (Map.Entry<String, Long> warehouse : current.entrySet()) {
        sum += at(byWarehouse.getOrDefault(warehouse.getKey(), List.of()), end, warehouse.getValue());
      }
      if (day.equals(today)) {
        sum = now.stream().mapToLong(balance -> balance.levels().available()).sum();
      }
      series.add(new DailyAvailable(day, sum, true));
    }
    return series;
  }

  /** The warehouse's figure just before {@code end}: from the changes (oldest first), else today's figure. */
  private static long at(List<AuditEntry> changes, OffsetDateTime end, long now) {
    if (changes.isEmpty()) {
      return now;
    }
    long figure = Math.max(0, changes.get(0).availableBefore());
    for (AuditEntry change : changes) {
      if (!change.at().isBefore(end)) {
        break;
      }
      figure = change.availableAfter();
    }
    return figure;
  }
}
