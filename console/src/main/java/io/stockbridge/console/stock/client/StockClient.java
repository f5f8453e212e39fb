package io.stockbridge.console.stock.client;

import java.time.OffsetDateTime;
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
  /** Pages of audit entries one history reads at most (1,000 each). */
  private static final int AUDIT_PAGES = 5;

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

  /** The SKU's balance changes since {@code from}, oldest first, up to 5,000 of them. */
  @Timeout(10_000)
  public Uni<AuditWindow> changesSince(String sellerSku, OffsetDateTime from) {
    return audit(sellerSku, from.toString(), null, new ArrayList<>(), AUDIT_PAGES);
  }

  private Uni<List<WarehouseStock>> collect(String cursor, List<WarehouseStock> into, int pagesLeft) {
    return api.balances(cursor, 500).chain(page -> {
      into.addAll(page.items());
      return page.nextCursor() == null || pagesLeft <= 1 ? Uni.createFrom().item(into)
          : collect(page.nextCursor(), into, pagesLeft - 1);
    });
  }

  private Uni<AuditWindow> audit(String sellerSku, String from, String cursor, List<AuditEntry> into,
      int pagesLeft) {
    return api.audit(sellerSku, from, cursor, 1000).chain((Listed<AuditEntry> page) -> {
      into.addAll(page.items());
      if (page.nextCursor() == null) {
        return Uni.createFrom().item(new AuditWindow(into, true));
      }
      return pagesLeft <= 1 ? Uni.createFrom().item(new AuditWindow(into, false))
          : audit(sellerSku, from, page.nextCursor(), into, pagesLeft - 1);
    });
  }
}
