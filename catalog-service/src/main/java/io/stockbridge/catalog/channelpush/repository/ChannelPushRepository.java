package io.stockbridge.catalog.channelpush.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.SqlRow;

/** The channel push queue: one pending quantity per channel SKU and warehouse, newest ledger version kept. */
@ApplicationScoped
public class ChannelPushRepository {

  /** Queues a quantity, or overwrites the pending one of the same channel SKU and warehouse if this is newer. */
  public Uni<Void> enqueue(String sellerId, UUID connectionId, UUID listingId, String sellerSku,
      String channelProductId, String channelSkuId, String warehouseId, String channelWarehouseId, long quantity,
      long stockVersion, OffsetDateTime changedAt, OffsetDateTime now) {
    return Panache.getSession().chain(session -> session.createNativeQuery("""
            insert into channel_push (id, seller_id, connection_id, listing_id, seller_sku, channel_product_id,
              channel_sku_id, warehouse_id, channel_warehouse_id, quantity, stock_version, changed_at, status,
              next_attempt_at, created_at)
            values (:id, :seller, :connection, :listing, :sku, :product, :channelSku, :warehouse, :channelWarehouse,
              :quantity, :version, :changedAt, 'PENDING', :now, :now)
            on conflict (connection_id, channel_sku_id, channel_warehouse_id) where status = 'PENDING'
            do update set quantity = excluded.quantity, stock_version = excluded.stock_version,
              changed_at = excluded.changed_at, channel_product_id = excluded.channel_product_id,
              listing_id = excluded.listing_id
            where channel_push.stock_version < excluded.stock_version""")
        .setParameter("id", UUID.randomUUID()).setParameter("seller", sellerId)
        .setParameter("connection", connectionId).setParameter("listing", listingId).setParameter("sku", sellerSku)
        .setParameter("product", channelProductId).setParameter("channelSku", channelSkuId)
        .setParameter("warehouse", warehouseId).setParameter("channelWarehouse", channelWarehouseId)
        .setParameter("quantity", quantity).setParameter("version", stockVersion)
        .setParameter("changedAt", changedAt).setParameter("now", now).executeUpdate())
        .replaceWithVoid();
  }

  // the next attempt time is the lease: a claimed quantity is not due again until it runs out
  private static final LeasedClaim CLAIM = LeasedClaim.from("channel_push", "p")
      .join("join channel_connection c on c.id = p.connection_id")
      .where("p.status = 'PENDING' and p.next_attempt_at <= :now and c.status = 'ACTIVE'")
      .set("next_attempt_at = :lease")
      .orderBy("created_at", "id").fairBy("seller_id")
      .returning("""
          id, connection_id, channel_product_id, channel_sku_id, channel_warehouse_id, quantity, stock_version,
            changed_at, attempts, created_at, seller_id, seller_sku, warehouse_id, listing_id""")
      .build();

  /**
   * Claims due pending quantities of active connections, oldest first, in turns across sellers (one seller's burst
   * never holds another's quantities back), for a lease; a connection waiting for the seller (CH-3, CH-4) keeps its
   * quantities queued, in order.
   */
  public Uni<List<PendingPush>> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
    return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM.sql(), Tuple.class)
        .setParameter("lease", leaseUntil).setParameter("now", now).setParameter("limit", limit).getResultList())
        .map(rows -> SqlRow.of(rows).stream()
            // UPDATE ... RETURNING gives no order: the queue's order is restored here
            .sorted(java.util.Comparator.comparing((SqlRow row) -> row.timestamp("created_at"))
                .thenComparing(row -> row.text("id")))
            .map(PendingPush::of)
            .toList());
  }

  /** The (channel SKU, channel warehouse) pairs of a listing with a quantity still on its way. */
  public Uni<java.util.Set<String>> pendingKeys(UUID listingId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select channel_sku_id, channel_warehouse_id from channel_push where listing_id = :listing "
                + "and status = 'PENDING'", Tuple.class)
        .setParameter("listing", listingId).getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(row -> row.text("channel_sku_id") + "|" + row.text("channel_warehouse_id"))
            .collect(java.util.stream.Collectors.toSet()));
  }

  /** The channel refused the quantity for good (e.g. the product is no longer live). */
  public Uni<Void> refused(UUID id, String error) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update channel_push set status = 'REFUSED', last_error = :error where id = :id and status = 'PENDING'")
        .setParameter("id", id).setParameter("error", error).executeUpdate()).replaceWithVoid();
  }

  /** A failure of the channel or of the way to it: try again later. */
  public Uni<Void> retryLater(UUID id, OffsetDateTime at, String error) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update channel_push set attempts = attempts + 1, next_attempt_at = :at, last_error = :error "
                + "where id = :id and status = 'PENDING'")
        .setParameter("id", id).setParameter("at", at).setParameter("error", error).executeUpdate())
        .replaceWithVoid();
  }

  /**
   * Waits for the seller: due again at once, so it goes as soon as the connection is active. Not a failed attempt:
   * waiting does not lengthen the back-off of a later failure.
   */
  public Uni<Void> waitForConnection(UUID id, OffsetDateTime now, String error) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update channel_push set next_attempt_at = :at, last_error = :error where id = :id and status = 'PENDING'")
        .setParameter("id", id).setParameter("at", now).setParameter("error", error).executeUpdate())
        .replaceWithVoid();
  }
}
