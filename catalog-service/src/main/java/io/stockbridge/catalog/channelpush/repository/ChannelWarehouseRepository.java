package io.stockbridge.catalog.channelpush.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** Which channel warehouse shows the stock of which Stockbridge warehouse, per connection. */
@ApplicationScoped
public class ChannelWarehouseRepository {

  public Uni<Void> map(String sellerId, UUID connectionId, String warehouseId, String channelWarehouseId,
      OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into channel_warehouse (connection_id, warehouse_id, channel_warehouse_id, seller_id, updated_at) "
                + "values (:connection, :warehouse, :channel, :seller, :now) on conflict (connection_id, warehouse_id) "
                + "do update set channel_warehouse_id = excluded.channel_warehouse_id, updated_at = excluded.updated_at")
        .setParameter("connection", connectionId).setParameter("warehouse", warehouseId)
        .setParameter("channel", channelWarehouseId).setParameter("seller", sellerId).setParameter("now", now)
        .executeUpdate()).replaceWithVoid();
  }

  /** The channel warehouse of a Stockbridge warehouse on a connection, or null when it is not mapped. */
  public Uni<String> channelWarehouseOf(UUID connectionId, String warehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select channel_warehouse_id from channel_warehouse where connection_id = :connection "
                + "and warehouse_id = :warehouse", String.class)
        .setParameter("connection", connectionId).setParameter("warehouse", warehouseId).getSingleResultOrNull());
  }

  /** The Stockbridge warehouse a channel warehouse of a connection shows, or null when none is mapped to it. */
  public Uni<String> warehouseOf(UUID connectionId, String channelWarehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select warehouse_id from channel_warehouse where connection_id = :connection "
                + "and channel_warehouse_id = :channel order by warehouse_id limit 1", String.class)
        .setParameter("connection", connectionId).setParameter("channel", channelWarehouseId)
        .getSingleResultOrNull());
  }

  /** Which channel warehouse shows each mapped Stockbridge warehouse of a connection, by warehouse. */
  public Uni<List<WarehousePair>> ofConnection(UUID connectionId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select warehouse_id, channel_warehouse_id from channel_warehouse where connection_id = :connection "
                + "order by warehouse_id", Tuple.class)
        .setParameter("connection", connectionId).getResultList())
        .map(rows -> SqlRow.of(rows).stream()
            .map(row -> new WarehousePair(row.text("warehouse_id"), row.text("channel_warehouse_id"))).toList());
  }
}
