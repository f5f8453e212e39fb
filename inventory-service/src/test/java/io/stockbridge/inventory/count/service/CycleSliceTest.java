package io.stockbridge.inventory.count.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stockbridge.inventory.count.config.CountConfig;
import io.stockbridge.inventory.count.repository.ShelfItem;

/** Rule CNT-1's cycle counts: velocity classes by shipped share, each class counted over its period in even slices. */
class CycleSliceTest {
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 6, 0, 0, 0, ZoneOffset.UTC);
  private static final CountConfig CONFIG = new CountConfig() {
    @Override
    public Duration velocityWindow() {
      return Duration.ofDays(30);
    }

    @Override
    public double aShare() {
      return 80;
    }

    @Override
    public double bShare() {
      return 95;
    }

    @Override
    public Duration aEvery() {
      return Duration.ofDays(7);
    }

    @Override
    public Duration bEvery() {
      return Duration.ofDays(30);
    }

    @Override
    public Duration cEvery() {
      return Duration.ofDays(90);
    }

    @Override
    public Duration cycleEvery() {
      return Duration.ofDays(1);
    }

    @Override
    public Duration campaignLead() {
      return Duration.ofDays(1);
    }

    @Override
    public Duration generationInterval() {
      return Duration.ofMinutes(1);
    }

    @Override
    public Duration generationLease() {
      return Duration.ofMinutes(5);
    }

    @Override
    public int generationBatch() {
      return 20;
    }

    @Override
    public boolean requestFromWarehouses() {
      return true;
    }
  };

  private static ShelfItem item(String sku, long shipped, Integer countedDaysAgo) {
    return new ShelfItem(sku, 10, countedDaysAgo == null ? null : NOW.minusDays(countedDaysAgo), shipped);
  }

  @Test
  void skusAreClassAUntilTheFirstEightyPercentOfShipmentsAreCoveredAndThoseThatDidNotShipAreC_CNT1() {
    Map<String, String> classes = CycleSlice.classes(List.of(item("X", 700, null), item("Y", 200, null),
        item("Z", 60, null), item("W", 40, null), item("V", 0, null)), CONFIG);

    // X covers 70 %, Y brings it to 90 % (so it is still A), Z to 96 % (B), W is the tail, V never shipped
    assertThat(classes).containsEntry("X", "A").containsEntry("Y", "A").containsEntry("Z", "B")
        .containsEntry("W", "C").containsEntry("V", "C");
  }

  @Test
  void eachDayTakesAnEvenSliceOfEveryClassNeverCountedFirst_CNT1() {
    List<ShelfItem> items = new ArrayList<>();
    Map<String, String> classes = new HashMap<>();
    for (int i = 0; i < 14; i++) {
      String sku = "A" + (char) ('a' + i);
      items.add(item(sku, 100, i < 7 ? null : 8 + i));
      classes.put(sku, "A");
    }

    Map<String, String> today = CycleSlice.due(items, classes, NOW, CONFIG);

    assertThat(today).as("14 class A SKUs over 7 days: 2 a day").containsOnlyKeys("Aa", "Ab");
  }

  @Test
  void aSkuIsDueOnlyOnceItsClassPeriodHasRunOut_CNT1() {
    List<ShelfItem> items = List.of(item("A1", 0, 6), item("A2", 0, 7), item("B1", 0, 29), item("B2", 0, 30),
        item("C1", 0, 89), item("C2", 0, 90));
    Map<String, String> classes = Map.of("A1", "A", "A2", "A", "B1", "B", "B2", "B", "C1", "C", "C2", "C");

    assertThat(CycleSlice.due(items, classes, NOW, CONFIG)).containsOnlyKeys("A2", "B2", "C2")
        .containsEntry("A2", "A").containsEntry("B2", "B").containsEntry("C2", "C");
  }
}
