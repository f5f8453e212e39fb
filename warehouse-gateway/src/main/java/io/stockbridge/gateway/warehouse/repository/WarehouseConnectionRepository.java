package io.stockbridge.gateway.warehouse.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class WarehouseConnectionRepository implements PanacheRepositoryBase<WarehouseConnection, UUID> {

  public Uni<WarehouseConnection> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  public Uni<Boolean> codeTaken(String sellerId, String code) {
    return count("sellerId = ?1 and code = ?2", sellerId, code).map(count -> count > 0);
  }

  public Uni<List<WarehouseConnection>> page(String sellerId, AdapterType adapter, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("adapter = :adapter", "adapter", adapter)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
