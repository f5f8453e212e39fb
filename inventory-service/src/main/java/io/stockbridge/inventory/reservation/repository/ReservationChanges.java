package io.stockbridge.inventory.reservation.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.PageCursor;

/**
 * Reservations in the order they last changed (created, or closed: shipped, released, expired), for an ERP that
 * reconciles its orders with the ledger by asking what changed since its last look.
 */
@ApplicationScoped
public class ReservationChanges {
  static final String CHANGED_AT = "coalesce(closed_at, created_at)";

  public Uni<List<UUID>> changedIds(String sellerId, ReservationStatus status, OffsetDateTime since,
      PageCursor after, int limit) {
    StringBuilder sql = new StringBuilder("select id from reservation where seller_id = :seller");
    if (status != null) {
      sql.append(" and status = :status");
    }
    if (since != null) {
      sql.append(" and ").append(CHANGED_AT).append(" >= :since");
    }
    if (after != null) {
      sql.append(" and (").append(CHANGED_AT).append(", id) > (:afterAt, :afterId)");
    }
    sql.append(" order by ").append(CHANGED_AT).append(", id limit :limit");
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString(), UUID.class).setParameter("seller", sellerId)
          .setParameter("limit", limit);
      if (status != null) {
        query.setParameter("status", status.name());
      }
      if (since != null) {
        query.setParameter("since", since);
      }
      if (after != null) {
        query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
      }
      return query.getResultList();
    });
  }
}
