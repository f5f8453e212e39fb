package io.stockbridge.inventory.calibration.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.calibration.CalibrationStatus;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.LeasedClaim;

@ApplicationScoped
public class CalibrationTaskRepository implements PanacheRepositoryBase<CalibrationTask, UUID> {
  // locked for the escalating transaction, in turns across sellers
  private static final LeasedClaim OVERDUE = LeasedClaim.from("calibration_task", "t")
      .where("t.status = 'OPEN' and t.due_at <= :now")
      .orderBy("due_at", "id").fairBy("seller_id")
      .build();

  /** The seller's task, or null (another seller's is not found either). */
  public Uni<CalibrationTask> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  /** One page of the seller's tasks, oldest first, optionally of one SKU, warehouse or status. */
  public Uni<List<CalibrationTask>> page(String sellerId, String sellerSku, String warehouseId,
      CalibrationStatus status, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("sellerSku = :sku", "sku", sellerSku)
        .and("warehouseId = :warehouse", "warehouse", warehouseId)
        .and("status = :status", "status", status)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }

  /** Open tasks past their due time, locked for this transaction; other replicas skip them. */
  public Uni<List<UUID>> claimOverdue(OffsetDateTime now, int limit) {
    return getSession().chain(session -> session.createNativeQuery(OVERDUE.sql(), UUID.class)
        .setParameter("now", now).setParameter("limit", limit).getResultList());
  }
}
