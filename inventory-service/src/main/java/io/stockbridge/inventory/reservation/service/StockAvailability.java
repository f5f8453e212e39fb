package io.stockbridge.inventory.reservation.service;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.stock.repository.Bucket;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;

/** What an order's SKUs have per warehouse, for planning where its lines are taken from. */
@ApplicationScoped
public class StockAvailability {
  private final StockLedgerRepository balances;

  public StockAvailability(StockLedgerRepository balances) {
    this.balances = balances;
  }

  /** What each SKU has available per warehouse, read without locks (the plan is checked by the updates). */
  Uni<Map<String, Map<String, Long>>> availability(String sellerId, List<ReservationRequest.Line> lines) {
    return availability(sellerId, lines, false);
  }

  /**
   * @param shipped true for units that already left the warehouse: all of sellable counts, the safety stock included
   *                (it is a reserve against selling, not against what was shipped)
   */
  Uni<Map<String, Map<String, Long>>> availability(String sellerId, List<ReservationRequest.Line> lines,
      boolean shipped) {
    Map<String, Map<String, Long>> available = new HashMap<>();
    return Multi.createFrom().iterable(new LinkedHashSet<>(lines.stream().map(ReservationRequest.Line::sellerSku).toList()))
        .onItem().transformToUniAndConcatenate(sku -> balances.balancesOfSku(sellerId, sku).invoke(found -> {
          Map<String, Long> perWarehouse = new HashMap<>();
          found.forEach(balance -> perWarehouse.put(balance.warehouseId(),
              shipped ? balance.state().quantityIn(Bucket.SELLABLE) : balance.state().available()));
          available.put(sku, perWarehouse);
        }))
        .collect().last()
        .replaceWith(available);
  }
}
