package io.stockbridge.inventory.stock.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** Balances of many SKUs at once, for integrations that read their whole assortment. */
@ApplicationScoped
public class BalanceLookups {
  private static final String OF_SKUS = "select seller_sku, warehouse_id, " + StockLedgerRepository.STATE
      + " from stock_balance where seller_id = :seller and seller_sku in (:skus)";

  public Uni<List<WarehouseBalance>> balancesOfSkus(String sellerId, Collection<String> sellerSkus,
      String warehouseId) {
    String sql = OF_SKUS + (warehouseId == null ? "" : " and warehouse_id = :warehouse")
        + " order by seller_sku, warehouse_id";
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql, Tuple.class).setParameter("seller", sellerId)
          .setParameter("skus", sellerSkus);
      if (warehouseId != null) {
        query.setParameter("warehouse", warehouseId);
      }
      return query.getResultList();
    }).map(rows -> SqlRow.of(rows).stream().map(WarehouseBalance::of).toList());
  }
}
