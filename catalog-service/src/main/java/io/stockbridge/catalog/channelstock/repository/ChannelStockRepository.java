package io.stockbridge.catalog.channelstock.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** The reported available quantities, as read back (they are written by {@link ChannelStockIntake}). */
@ApplicationScoped
public class ChannelStockRepository {

  public Uni<List<ChannelStockRow>> of(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
            select warehouse_id, available, sellable, reserved, stock_version, changed_at, received_at
            from channel_stock where seller_id = :seller and seller_sku = :sku order by warehouse_id""", Tuple.class)
        .setParameter("seller", sellerId).setParameter("sku", sellerSku)
        .getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(ChannelStockRow::of).toList());
  }

  /** The SKUs the ledger reported with stock on hand (sellable or reserved) in a warehouse. */
  public Uni<List<String>> skusWithStock(String sellerId, String warehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
            select seller_sku from channel_stock where seller_id = :seller and warehouse_id = :warehouse
              and (sellable > 0 or reserved > 0) order by seller_sku""", String.class)
        .setParameter("seller", sellerId).setParameter("warehouse", warehouseId)
        .getResultList());
  }
}
