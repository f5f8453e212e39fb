package io.stockbridge.inventory.promotion.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * Promotions and their SKUs. Reads and writes run in the caller's session.
 */
@ApplicationScoped
public class PromotionRepository {
  private static final String COLUMNS = "p.id, p.seller_id, p.name, p.starts_at, p.ends_at, p.cancelled_at, "
      + "p.cancelled_by, p.created_by, p.created_at";

  public Uni<Void> insert(Promotion promotion) {
    StringBuilder skus = new StringBuilder("insert into promotion_sku (promotion_id, seller_id, seller_sku) values ");
    for (int i = 0; i < promotion.sellerSkus().size(); i++) {
      skus.append(i == 0 ? "" : ", ").append("(:id, :seller, :sku").append(i).append(")");
    }
    return Panache.getSession().chain(session -> session.createNativeQuery("insert into promotion (id, seller_id, "
                + "name, starts_at, ends_at, created_by, created_at) values (:id, :seller, :name, :starts, :ends, "
                + ":by, :at)")
            .setParameter("id", promotion.id()).setParameter("seller", promotion.sellerId())
            .setParameter("name", promotion.name()).setParameter("starts", promotion.startsAt())
            .setParameter("ends", promotion.endsAt()).setParameter("by", promotion.createdBy())
            .setParameter("at", promotion.createdAt()).executeUpdate()
            .chain(() -> {
              var query = session.createNativeQuery(skus.toString()).setParameter("id", promotion.id())
                  .setParameter("seller", promotion.sellerId());
              for (int i = 0; i < promotion.sellerSkus().size(); i++) {
                query.setParameter("sku" + i, promotion.sellerSkus().get(i));
              }
              return query.executeUpdate();
            }))
        .replaceWithVoid();
  }

  /** The seller's promotion, or null: another seller's is not found either. */
  public Uni<Promotion> find(String sellerId, UUID id) {
    return Panache.getSession().chain(session -> session.createNativeQuery("select " + COLUMNS
                + " from promotion p where p.seller_id = :seller and p.id = :id", Tuple.class)
            .setParameter("seller", sellerId).setParameter("id", id).getResultList())
        .chain(rows -> withSkus(rows)).map(found -> found.isEmpty() ? null : found.get(0));
  }

  /** A page of the seller's promotions, oldest first, after {@code cursor}; one more than asked. */
  public Uni<List<Promotion>> page(String sellerId, PromotionStatus status, String sellerSku, PageCursor cursor,
      int limit, OffsetDateTime now) {
    StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from promotion p where p.seller_id = :seller");
    if (status != null) {
      sql.append(" and ").append(status.condition());
    }
    if (sellerSku != null) {
      sql.append(" and exists (select 1 from promotion_sku s where s.promotion_id = p.id and s.seller_sku = :sku)");
    }
    if (cursor != null) {
      sql.append(" and (p.created_at > :cursorAt or (p.created_at = :cursorAt and p.id > :cursorId))");
    }
    sql.append(" order by p.created_at, p.id limit :limit");
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString(), Tuple.class).setParameter("seller", sellerId)
          .setParameter("limit", limit);
      if (status != null) {
        if (status != PromotionStatus.CANCELLED) {
          query.setParameter("now", now);
        }
      }
      if (sellerSku != null) {
        query.setParameter("sku", sellerSku);
      }
      if (cursor != null) {
        query.setParameter("cursorAt", cursor.createdAt()).setParameter("cursorId", cursor.id());
      }
      return query.getResultList();
    }).chain(this::withSkus);
  }

  /** Marks the promotion cancelled unless it already is; answers whether this call cancelled it. */
  public Uni<Boolean> cancel(String sellerId, UUID id, String actor, OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery("update promotion set cancelled_at = :now, "
                + "cancelled_by = :by where seller_id = :seller and id = :id and cancelled_at is null")
            .setParameter("now", now).setParameter("by", actor).setParameter("seller", sellerId)
            .setParameter("id", id).executeUpdate())
        .map(updated -> updated == 1);
  }

  /** The promotions running on the SKU at {@code now}. */
  public Uni<RunningPromotions> runningOn(String sellerId, String sellerSku, OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery("select p.name, p.ends_at from "
                + "promotion_sku s join promotion p on p.id = s.promotion_id where s.seller_id = :seller "
                + "and s.seller_sku = :sku and " + PromotionStatus.RUNNING.condition() + " order by p.ends_at",
            Tuple.class)
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).setParameter("now", now).getResultList())
        .map(tuples -> {
          List<SqlRow> rows = SqlRow.of(tuples);
          return new RunningPromotions(rows.stream().map(row -> row.text("name")).toList(),
              rows.isEmpty() ? null : rows.get(rows.size() - 1).timestamp("ends_at"));
        });
  }

  private Uni<List<Promotion>> withSkus(List<Tuple> tuples) {
    List<SqlRow> rows = SqlRow.of(tuples);
    if (rows.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<UUID> ids = rows.stream().map(row -> row.uuid("id")).toList();
    return Panache.getSession().chain(session -> session.createNativeQuery("select promotion_id, seller_sku from "
                + "promotion_sku where promotion_id in (:ids) order by seller_sku", Tuple.class)
            .setParameter("ids", ids).getResultList())
        .map(skuTuples -> {
          Map<UUID, List<String>> skus = new HashMap<>();
          SqlRow.of(skuTuples).forEach(row -> skus.computeIfAbsent(row.uuid("promotion_id"), id -> new ArrayList<>())
              .add(row.text("seller_sku")));
          return rows.stream().map(row -> new Promotion(row.uuid("id"), row.text("seller_id"), row.text("name"),
              skus.getOrDefault(row.uuid("id"), List.of()), row.timestamp("starts_at"), row.timestamp("ends_at"),
              row.timestamp("cancelled_at"), row.text("cancelled_by"), row.text("created_by"),
              row.timestamp("created_at"))).toList();
        });
  }
}
