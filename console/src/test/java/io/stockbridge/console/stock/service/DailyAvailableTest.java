package io.stockbridge.console.stock.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stockbridge.console.stock.client.AuditEntry;
import io.stockbridge.console.stock.client.AuditWindow;
import io.stockbridge.console.stock.client.StockLevels;
import io.stockbridge.console.stock.client.WarehouseStock;

class DailyAvailableTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

  private static AuditEntry change(String warehouse, String at, Long before, long after) {
    return new AuditEntry("SKU-1", warehouse, before == null ? null : Map.of("available", before),
        Map.of("available", after), OffsetDateTime.parse(at));
  }

  private static WarehouseStock now(String warehouse, long available) {
    return new WarehouseStock("SKU-1", warehouse, new StockLevels(0, 0, 0, available, 0, 0, available, 0));
  }

  @Test
  void eachDayEndsWithTheFigureTheLastChangeOfThatDayLeftSummedOverWarehouses() {
    List<AuditEntry> changes = List.of(
        change("WH-A", "2026-11-30T10:00:00Z", 5L, 12),
        change("WH-A", "2026-11-30T18:00:00Z", 12L, 9),
        change("WH-A", "2026-12-02T08:00:00Z", 9L, 30),
        change("WH-B", "2026-12-01T23:59:59Z", null, 4));
    List<DailyAvailable> days = DailyAvailable.of(new AuditWindow(changes, true), List.of(now("WH-A", 30),
        now("WH-B", 4)), TODAY, 5);

    assertThat(days).extracting(DailyAvailable::day).containsExactly(LocalDate.parse("2026-11-29"),
        LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"), TODAY);
    // WH-A: 5 before its first change, 9 after the 30th, 30 from the 2nd; WH-B: nothing before its first reading
    assertThat(days).extracting(DailyAvailable::available).containsExactly(5L, 9L, 13L, 34L, 34L);
  }

  @Test
  void aWarehouseWithoutChangesInTheWindowHoldsTodaysFigureThroughout() {
    List<DailyAvailable> days = DailyAvailable.of(new AuditWindow(List.of(), true), List.of(now("WH-A", 7)), TODAY,
        14);

    assertThat(days).hasSize(14).extracting(DailyAvailable::available).containsOnly(7L);
  }

  @Test
  void whenNotEveryChangeWasReadTheDaysAfterTheLastOneReadAreUnknownAndTodayIsTheBalanceNow() {
    // the window held more changes than one view reads: the last one read is on the 1st
    List<AuditEntry> read = List.of(change("WH-A", "2026-11-30T10:00:00Z", 5L, 12),
        change("WH-A", "2026-12-01T09:00:00Z", 12L, 20));
    List<DailyAvailable> days = DailyAvailable.of(new AuditWindow(read, false), List.of(now("WH-A", 3)), TODAY, 5);

    assertThat(days).extracting(DailyAvailable::known).containsExactly(true, true, false, false, true);
    assertThat(days.get(0).available()).isEqualTo(5);
    assertThat(days.get(1).available()).isEqualTo(12);
    assertThat(days.get(4).available()).isEqualTo(3);
  }
}
