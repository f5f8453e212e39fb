package io.stockbridge.gateway.count.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.count.CountRequestStatus;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class CountRequestRepository implements PanacheRepositoryBase<CountRequest, UUID> {

  public Uni<List<CountRequest>> page(String sellerId, String warehouseId, CountRequestStatus status, PageCursor after,
      int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("warehouseId = :warehouse", "warehouse", warehouseId)
        .and("status = :status", "status", status)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
