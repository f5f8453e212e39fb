package io.stockbridge.gateway.webhook.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.time.SuiteClock;

@ApplicationScoped
public class InboundEventRepository implements PanacheRepositoryBase<InboundEvent, UUID> {
  private final SuiteClock clock;

  public InboundEventRepository(SuiteClock clock) {
    this.clock = clock;
  }

  /** Stores the event unless the warehouse already sent one with the same id; true when stored now. */
  public Uni<Boolean> storeOnce(UUID warehouseId, String sellerId, String sourceEventId, OffsetDateTime sourceTimestamp,
      String body) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, created_at, "
                + "body, status) values (:id, :warehouse, :seller, :source, :timestamp, :now, :body, 'RECEIVED') "
                + "on conflict (warehouse_id, source_event_id) do nothing")
        .setParameter("id", UUID.randomUUID()).setParameter("warehouse", warehouseId).setParameter("seller", sellerId)
        .setParameter("source", sourceEventId).setParameter("timestamp", sourceTimestamp)
        .setParameter("now", clock.now()).setParameter("body", body).executeUpdate())
        .map(inserted -> inserted == 1);
  }

  public Uni<List<InboundEvent>> page(String sellerId, UUID warehouseId, InboundEventStatus status, PageCursor after,
      int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("warehouseId = :warehouse", "warehouse", warehouseId)
        .and("status = :status", "status", status)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
