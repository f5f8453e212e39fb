package io.stockbridge.inventory.reservation.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.reservation.repository.Allocation;
import io.stockbridge.inventory.reservation.repository.Shortfall;

/**
 * Decides where each order line takes its units from, given what each warehouse has available.
 * <p>
 * The strategy (documented in the API): a line that names a warehouse takes from it alone. Otherwise it takes
 * everything from the single warehouse with the most available units that can fill it whole (one parcel, fewest
 * splits); if no warehouse can, it is split over warehouses in order of most available first. Ties go to the
 * smaller warehouse id, so the plan is deterministic. Earlier lines reduce what later lines of the same SKU see.
 */
final class AllocationPlanner {

  /** The plan, or the indexes of the lines that cannot be filled. */
  record Plan(List<Allocation> allocations, List<Integer> shortLines) {
  }

  private AllocationPlanner() {
  }

  /** @param available per SKU, the available units of each of its warehouses (changed by the plan) */
  static Plan plan(List<ReservationRequest.Line> lines, Map<String, Map<String, Long>> available) {
    List<Allocation> allocations = new ArrayList<>();
    List<Integer> shortLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ReservationRequest.Line line = lines.get(i);
      Map<String, Long> warehouses = available.computeIfAbsent(line.sellerSku(), k -> new HashMap<>());
      long wanted = line.quantity();
      if (line.warehouseId() != null) {
        long there = warehouses.getOrDefault(line.warehouseId(), 0L);
        if (there >= wanted) {
          warehouses.put(line.warehouseId(), there - wanted);
          allocations.add(new Allocation(i, line.sellerSku(), line.warehouseId(), wanted));
        } else {
          shortLines.add(i);
        }
        continue;
      }
      List<Map.Entry<String, Long>> candidates = warehouses.entrySet().stream()
          .filter(e -> e.getValue() > 0)
          .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
              .thenComparing(Map.Entry::getKey))
          .toList();
      var whole = candidates.stream().filter(e -> e.getValue() >= wanted).findFirst();
      if (whole.isPresent()) {
        warehouses.put(whole.get().getKey(), whole.get().getValue() - wanted);
        allocations.add(new Allocation(i, line.sellerSku(), whole.get().getKey(), wanted));
        continue;
      }
      long total = candidates.stream().mapToLong(Map.Entry::getValue).sum();
      if (total < wanted) {
        shortLines.add(i);
        continue;
      }
      Map<String, Long> taken = new LinkedHashMap<>();
      long remaining = wanted;
      for (Map.Entry<String, Long> candidate : candidates) {
        long take = Math.min(remaining, candidate.getValue());
        taken.put(candidate.getKey(), take);
        remaining -= take;
        if (remaining == 0) {
          break;
        }
      }
      for (Map.Entry<String, Long> share : taken.entrySet()) {
        warehouses.merge(share.getKey(), -share.getValue(), Long::sum);
        allocations.add(new Allocation(i, line.sellerSku(), share.getKey(), share.getValue()));
      }
    }
    return new Plan(allocations, shortLines);
  }

  /** What an order shipped before it was reserved takes: each line as far as stock goes, and the rest as shortfall. */
  record PartialPlan(List<Allocation> allocations, List<Shortfall> shortfalls) {
  }

  /** @param available as for {@link #plan}; lines are filled in order, each from what the earlier ones left */
  static PartialPlan planWhatExists(List<ReservationRequest.Line> lines, Map<String, Map<String, Long>> available) {
    List<Allocation> allocations = new ArrayList<>();
    List<Shortfall> shortfalls = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ReservationRequest.Line line = lines.get(i);
      Map<String, Long> warehouses = available.computeIfAbsent(line.sellerSku(), k -> new HashMap<>());
      long there = line.warehouseId() != null ? Math.max(0, warehouses.getOrDefault(line.warehouseId(), 0L))
          : warehouses.values().stream().mapToLong(units -> Math.max(0, units)).sum();
      long taken = Math.min(line.quantity(), there);
      if (taken > 0) {
        int lineNo = i;
        plan(List.of(new ReservationRequest.Line(line.sellerSku(), taken, line.warehouseId())), available)
            .allocations().forEach(a -> allocations.add(new Allocation(lineNo, a.sellerSku(), a.warehouseId(),
                a.quantity())));
      }
      if (taken < line.quantity()) {
        shortfalls.add(new Shortfall(i, line.sellerSku(), line.quantity() - taken));
      }
    }
    return new PartialPlan(allocations, shortfalls);
  }
}
