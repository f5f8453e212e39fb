package io.stockbridge.inventory.count.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.count.CountStatus;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class StockCountRepository implements PanacheRepositoryBase<StockCount, UUID> {

  public Uni<StockCount> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  public Uni<List<StockCount>> page(String sellerId, String warehouseId, CountStatus status, PageCursor after,
      int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("warehouseId = :warehouse", "warehouse", warehouseId)
        .and("status = :status", "status", status).after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
