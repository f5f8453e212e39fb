package io.stockbridge.catalog.channelpush.repository;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;

import io.stockbridge.platform.persistence.SqlRow;

/** A claimed quantity on its way to the channel. */
public record PendingPush(UUID id, UUID connectionId, String channelProductId, String channelSkuId,
    String channelWarehouseId, long quantity, long stockVersion, OffsetDateTime changedAt, int attempts,
    String sellerId, String sellerSku, String warehouseId, UUID listingId) {
  /**
   * The order every writer of the queue locks its rows in: the ledger's reports are taken in by seller, SKU and
   * warehouse, each for its listings in turn; writing pushes in the same order cannot deadlock with them.
   */
  public static final Comparator<PendingPush> LOCK_ORDER = Comparator.comparing(PendingPush::sellerId)
      .thenComparing(PendingPush::sellerSku).thenComparing(PendingPush::warehouseId)
      .thenComparing(PendingPush::listingId);

  static PendingPush of(SqlRow row) {
    return new PendingPush(row.uuid("id"), row.uuid("connection_id"), row.text("channel_product_id"),
        row.text("channel_sku_id"), row.text("channel_warehouse_id"), row.number("quantity"),
        row.number("stock_version"), row.timestamp("changed_at"), row.integer("attempts"), row.text("seller_id"),
        row.text("seller_sku"), row.text("warehouse_id"), row.uuid("listing_id"));
  }
}
