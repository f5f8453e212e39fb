package io.stockbridge.inventory.count.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StockCountLineRepository implements PanacheRepositoryBase<StockCountLine, UUID> {

  /** A count's lines in SKU order. */
  public Uni<List<StockCountLine>> linesOf(UUID countId) {
    return list("countId = ?1 order by sellerSku", countId);
  }
}
