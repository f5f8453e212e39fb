package io.stockbridge.inventory.count.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.LeasedClaim;

@ApplicationScoped
public class CountPlanRepository implements PanacheRepositoryBase<CountPlan, UUID> {
  // leased, so a slow round on one replica is not repeated by another; in turns across sellers
  private static final LeasedClaim DUE = LeasedClaim.from("count_plan", "p")
      .where("p.active and p.next_run_at <= :now")
      .leasedBy("claimed_until")
      .orderBy("next_run_at", "id").fairBy("seller_id")
      .build();

  public Uni<CountPlan> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  public Uni<List<CountPlan>> page(String sellerId, String warehouseId, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("warehouseId = :warehouse", "warehouse", warehouseId).after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }

  /** Plans due to produce a count, leased until {@code lease}; another replica skips them meanwhile. */
  public Uni<List<UUID>> claimDue(OffsetDateTime now, OffsetDateTime lease, int limit) {
    return getSession().chain(session -> session.createNativeQuery(DUE.sql(), UUID.class)
        .setParameter("now", now).setParameter("lease", lease).setParameter("limit", limit).getResultList());
  }
}
