package io.stockbridge.inventory.count.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** The SKUs a warehouse holds for a seller, as counts need them: figures, last count and recent shipments. */
@ApplicationScoped
public class WarehouseShelf {
  // shipped = committed reservations leaving the warehouse (RESERVED to OUTSIDE)
  private static final String ITEMS = """
      select b.seller_sku, b.unreserved + b.reserved as sellable, b.last_counted_at,
        coalesce((select sum(m.quantity) from stock_movement m where m.seller_id = b.seller_id
          and m.seller_sku = b.seller_sku and m.warehouse_id = b.warehouse_id and m.from_bucket = 'RESERVED'
          and m.to_bucket = 'OUTSIDE' and m.created_at >= :since), 0) as shipped
      from stock_balance b where b.seller_id = :seller and b.warehouse_id = :warehouse""";

  /** Every SKU with a balance in the warehouse, in SKU order; shipments counted since {@code since}. */
  public Uni<List<ShelfItem>> items(String sellerId, String warehouseId, OffsetDateTime since) {
    return query(ITEMS + " order by b.seller_sku", sellerId, warehouseId, since, null);
  }

  /** The named SKUs that have a balance in the warehouse. */
  public Uni<List<ShelfItem>> items(String sellerId, String warehouseId, OffsetDateTime since,
      Collection<String> sellerSkus) {
    return query(ITEMS + " and b.seller_sku in (:skus) order by b.seller_sku", sellerId, warehouseId, since,
        sellerSkus);
  }

  /** Whether the seller has the warehouse in the ledger. */
  public Uni<Boolean> known(String sellerId, String warehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery("select count(*) from known_warehouse "
            + "where seller_id = :seller and warehouse_id = :warehouse", Long.class)
        .setParameter("seller", sellerId).setParameter("warehouse", warehouseId).getSingleResult())
        .map(found -> found > 0);
  }

  /** Records that the SKUs were counted at {@code at}. */
  public Uni<Void> counted(String sellerId, String warehouseId, Collection<String> sellerSkus, OffsetDateTime at) {
    return Panache.getSession().chain(session -> session.createNativeQuery("update stock_balance set last_counted_at "
            + "= :at where seller_id = :seller and warehouse_id = :warehouse and seller_sku in (:skus)")
        .setParameter("at", at).setParameter("seller", sellerId).setParameter("warehouse", warehouseId)
        .setParameter("skus", sellerSkus).executeUpdate())
        .replaceWithVoid();
  }

  private static Uni<List<ShelfItem>> query(String sql, String sellerId, String warehouseId, OffsetDateTime since,
      Collection<String> sellerSkus) {
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql, Tuple.class).setParameter("seller", sellerId)
          .setParameter("warehouse", warehouseId).setParameter("since", since);
      if (sellerSkus != null) {
        query.setParameter("skus", sellerSkus);
      }
      return query.getResultList();
    }).map(rows -> SqlRow.of(rows).stream().map(row -> new ShelfItem(row.text("seller_sku"), row.number("sellable"),
        row.timestamp("last_counted_at"), row.number("shipped"))).toList());
  }
}
