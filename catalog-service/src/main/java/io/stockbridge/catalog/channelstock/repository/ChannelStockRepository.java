package io.stockbridge.catalog.channelstock.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** The reported available quantities, written with one conditional upsert so that only newer versions land. */
@ApplicationScoped
public class ChannelStockRepository {

  /** @return true when the report was newer than what was stored (or the first of its item) */
  public Uni<Boolean> record(String sellerId, String sellerSku, ChannelStockRow change) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
            insert into channel_stock (seller_id, seller_sku, warehouse_id, available, sellable, reserved,
              stock_version, changed_at, received_at)
            values (:seller, :sku, :warehouse, :available, :sellable, :reserved, :version, :changedAt, :receivedAt)
            on conflict (seller_id, seller_sku, warehouse_id) do update set available = excluded.available,
              sellable = excluded.sellable, reserved = excluded.reserved, stock_version = excluded.stock_version,
              changed_at = excluded.changed_at, received_at = excluded.received_at
            where channel_stock.stock_version < excluded.stock_version""")
        .setParameter("seller", sellerId).setParameter("sku", sellerSku)
        .setParameter("warehouse", change.warehouseId()).setParameter("available", change.available())
        .setParameter("sellable", change.sellable()).setParameter("reserved", change.reserved())
        .setParameter("version", change.version()).setParameter("changedAt", change.changedAt())
        .setParameter("receivedAt", change.receivedAt())
        .executeUpdate()).map(rows -> rows == 1);
  }

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
