package io.stockbridge.console.stock.client;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.stockbridge.console.shell.Listed;

/**
 * The ledger's figures for the pages. Each call is bounded in time; there is no circuit breaker, because one breaker
 * for every signed-in seller would let one seller's failing calls refuse another's.
 */
@ApplicationScoped
public class StockClient {
  /** Pages of balances one view reads at most (500 each). */
  private static final int BALANCE_PAGES = 4;

  private final StockApi api;

  public StockClient(@RestClient StockApi api) {
    this.api = api;
  }

  /** The seller's balances in (SKU, warehouse) order, up to 2,000 of them. */
  @Timeout(10_000)
  public Uni<List<WarehouseStock>> balances() {
    return collect(null, new ArrayList<>(), BALANCE_PAGES);
  }

  @Timeout(5_000)
  public Uni<SkuStock> ofSku(String sellerSku) {
    return api.ofSku(sellerSku);
  }

  /** The SKU's available at the end of each of the last {@code days} days, summed over its warehouses. */
  @Timeout(5_000)
  public Uni<List<DailyAvailable>> history(String sellerSku, int days) {
    return api.history(sellerSku, days).map(DailyAvailable.History::days);
  }

  private Uni<List<WarehouseStock>> collect(String cursor, List<WarehouseStock> into, int pagesLeft) {
    return api.balances(cursor, 500).chain(page -> {
      into.addAll(page.items());
      return page.nextCursor() == null || pagesLeft <= 1 ? Uni.createFrom().item(into)
          : collect(page.nextCursor(), into, pagesLeft - 1);
    });
  }
}
