package io.stockbridge.inventory.count.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stockbridge.inventory.count.config.CountConfig;
import io.stockbridge.inventory.count.repository.ShelfItem;

/**
 * Which SKUs a cycle count takes today (rule CNT-1): each SKU gets a velocity class from its share of the shipped
 * units (A: the fastest, making up the first 80 %; B: up to 95 %; C: the rest and those that did not ship), each
 * class is counted over its period (A a week, B a month, C a quarter), and each day takes an even slice of every
 * class, never counted or longest uncounted first, of the SKUs whose period has run out.
 */
final class CycleSlice {
  private CycleSlice() {
  }

  /** The velocity class of every item, by its shipments. */
  static Map<String, String> classes(List<ShelfItem> items, CountConfig config) {
    long total = items.stream().mapToLong(ShelfItem::shipped).sum();
    List<ShelfItem> fastestFirst = new ArrayList<>(items);
    fastestFirst.sort(Comparator.comparingLong(ShelfItem::shipped).reversed().thenComparing(ShelfItem::sellerSku));
    Map<String, String> classes = new LinkedHashMap<>();
    long before = 0;
    for (ShelfItem item : fastestFirst) {
      double shareBefore = total == 0 ? 100 : 100.0 * before / total;
      String velocity = item.shipped() == 0 ? "C" : shareBefore < config.aShare() ? "A"
          : shareBefore < config.bShare() ? "B" : "C";
      classes.put(item.sellerSku(), velocity);
      before += item.shipped();
    }
    return classes;
  }

  /** Today's slice: the SKUs to count, each with its class, in SKU order. */
  static Map<String, String> due(List<ShelfItem> items, Map<String, String> classes, OffsetDateTime now,
      CountConfig config) {
    Map<String, String> slice = new java.util.TreeMap<>();
    for (String velocity : List.of("A", "B", "C")) {
      Duration every = every(velocity, config);
      List<ShelfItem> members = items.stream().filter(item -> velocity.equals(classes.get(item.sellerSku()))).toList();
      long days = Math.max(1, every.toSeconds() / Math.max(1, config.cycleEvery().toSeconds()));
      long quota = (members.size() + days - 1) / days;
      members.stream()
          .filter(item -> item.lastCountedAt() == null || !item.lastCountedAt().plus(every).isAfter(now))
          .sorted(Comparator.comparing(ShelfItem::lastCountedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
              .thenComparing(ShelfItem::sellerSku))
          .limit(quota)
          .forEach(item -> slice.put(item.sellerSku(), velocity));
    }
    return slice;
  }

  private static Duration every(String velocity, CountConfig config) {
    return switch (velocity) {
      case "A" -> config.aEvery();
      case "B" -> config.bEvery();
      default -> config.cEvery();
    };
  }
}
