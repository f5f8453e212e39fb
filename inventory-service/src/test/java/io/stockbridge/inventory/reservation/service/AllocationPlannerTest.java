package io.stockbridge.inventory.reservation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stockbridge.inventory.reservation.ReservationRequest.Line;
import io.stockbridge.inventory.reservation.repository.Allocation;
import io.stockbridge.inventory.reservation.repository.Shortfall;

/** Where an order's lines take their units from: pure planning, no database (the strategy RES-1 reserves by). */
class AllocationPlannerTest {
  private static Map<String, Map<String, Long>> stock(String sku, Object... warehouseAndUnits) {
    Map<String, Long> warehouses = new HashMap<>();
    for (int i = 0; i < warehouseAndUnits.length; i += 2) {
      warehouses.put((String) warehouseAndUnits[i], ((Number) warehouseAndUnits[i + 1]).longValue());
    }
    Map<String, Map<String, Long>> available = new HashMap<>();
    available.put(sku, warehouses);
    return available;
  }

  @Test
  void aLineTakesWholeFromTheWarehouseWithMostThatCanFillIt() {
    AllocationPlanner.Plan plan = AllocationPlanner.plan(List.of(new Line("EAR", 4L, null)),
        stock("EAR", "WH-A", 5, "WH-B", 9, "WH-C", 3));
    assertThat(plan.shortLines()).isEmpty();
    assertThat(plan.allocations()).containsExactly(new Allocation(0, "EAR", "WH-B", 4));
  }

  @Test
  void aLineNoWarehouseCanFillIsSplitMostAvailableFirstAndTiesGoToTheSmallerId() {
    AllocationPlanner.Plan plan = AllocationPlanner.plan(List.of(new Line("EAR", 10L, null)),
        stock("EAR", "WH-B", 4, "WH-A", 4, "WH-C", 3));
    assertThat(plan.allocations()).containsExactly(new Allocation(0, "EAR", "WH-A", 4),
        new Allocation(0, "EAR", "WH-B", 4), new Allocation(0, "EAR", "WH-C", 2));
  }

  @Test
  void aLineNamingAWarehouseTakesFromItAloneOrIsShort() {
    Map<String, Map<String, Long>> available = stock("EAR", "WH-A", 2, "WH-B", 50);
    AllocationPlanner.Plan plan = AllocationPlanner.plan(List.of(new Line("EAR", 3L, "WH-A")), available);
    assertThat(plan.allocations()).isEmpty();
    assertThat(plan.shortLines()).containsExactly(0);
  }

  @Test
  void earlierLinesReduceWhatLaterLinesOfTheSameSkuSee() {
    Map<String, Map<String, Long>> available = stock("EAR", "WH-A", 5);
    AllocationPlanner.Plan plan = AllocationPlanner.plan(List.of(new Line("EAR", 3L, null),
        new Line("EAR", 3L, null)), available);
    assertThat(plan.allocations()).containsExactly(new Allocation(0, "EAR", "WH-A", 3));
    assertThat(plan.shortLines()).containsExactly(1);
    assertThat(available.get("EAR")).containsEntry("WH-A", 2L);
  }

  @Test
  void aShipmentTakesWhatExistsAndRecordsTheRestAsShortfall() {
    AllocationPlanner.PartialPlan plan = AllocationPlanner.planWhatExists(List.of(new Line("EAR", 7L, null),
        new Line("CASE", 1L, null)), stock("EAR", "WH-A", 3, "WH-B", 2));
    assertThat(plan.allocations()).containsExactly(new Allocation(0, "EAR", "WH-A", 3),
        new Allocation(0, "EAR", "WH-B", 2));
    assertThat(plan.shortfalls()).containsExactly(new Shortfall(0, "EAR", 2), new Shortfall(1, "CASE", 1));
  }
}
