package io.stockbridge.inventory.alert.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.alert.AlertStatus;
import io.stockbridge.inventory.alert.AlertType;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {
  /** The seller's alert, or null (another seller's is not found either). */
  public Uni<Alert> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  /** The same, locked until the transaction ends: a sweep resolving it meanwhile waits instead of being undone. */
  public Uni<Alert> findOwnedForUpdate(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
  }

  /** The seller's alert of a cause while it is not resolved, or null. */
  public Uni<Alert> findUnresolved(String sellerId, AlertType type, String cause) {
    return find("sellerId = ?1 and type = ?2 and cause = ?3 and status <> ?4", sellerId, type, cause,
        AlertStatus.RESOLVED).firstResult();
  }

  /** One page of the seller's alerts, oldest first, optionally of one type, status, SKU or warehouse. */
  public Uni<List<Alert>> page(String sellerId, AlertType type, AlertStatus status, String sellerSku,
      String warehouseId, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("type = :type", "type", type)
        .and("status = :status", "status", status)
        .and("sellerSku = :sku", "sku", sellerSku)
        .and("warehouseId = :warehouse", "warehouse", warehouseId)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
