package io.stockbridge.catalog.channelstock.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelstock.AvailableChange;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A batch of the ledger's reports taken in by one statement: the newest quantity per SKU and warehouse replaces an
 * older one, and each applied quantity is queued for every live listing holding the SKU in the channel warehouse
 * mapped to the ledger's (the same rules as one report at a time, {@code ChannelPushes}), so that a hundred reports
 * cost one round trip, not four hundred. Rows are locked by seller, SKU, warehouse and listing, the order the pushers
 * lock the queue in.
 */
@ApplicationScoped
public class ChannelStockIntake {
  /**
   * $1..$8 the reports' columns, $9 now, $10 the channel's largest quantity. A report no newer than the stored
   * quantity changes nothing; a newer pending quantity overwrites one still waiting.
   */
  private static final String RECORD = """
      with reported as (
        select distinct on (seller_id, seller_sku, warehouse_id) *
        from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
                    $8::timestamptz[])
          as r(seller_id, seller_sku, warehouse_id, available, sellable, reserved, stock_version, changed_at)
        order by seller_id, seller_sku, warehouse_id, stock_version desc),
      applied as (
        insert into channel_stock (seller_id, seller_sku, warehouse_id, available, sellable, reserved, stock_version,
                                   changed_at, received_at)
        select seller_id, seller_sku, warehouse_id, available, sellable, reserved, stock_version, changed_at, $9
        from reported order by seller_id, seller_sku, warehouse_id
        on conflict (seller_id, seller_sku, warehouse_id) do update set available = excluded.available,
          sellable = excluded.sellable, reserved = excluded.reserved, stock_version = excluded.stock_version,
          changed_at = excluded.changed_at, received_at = excluded.received_at
        where channel_stock.stock_version < excluded.stock_version
        returning seller_id, seller_sku, warehouse_id, available, stock_version, changed_at),
      queued as (
        insert into channel_push (id, seller_id, connection_id, listing_id, seller_sku, channel_product_id,
                                  channel_sku_id, warehouse_id, channel_warehouse_id, quantity, stock_version,
                                  changed_at, status, next_attempt_at, created_at)
        select gen_random_uuid(), a.seller_id, l.connection_id, l.id, a.seller_sku, l.channel_product_id,
               l.channel_skus ->> a.seller_sku, a.warehouse_id, w.channel_warehouse_id,
               least(greatest(a.available, 0), $10), a.stock_version, a.changed_at, 'PENDING', $9, $9
        from applied a
        join sku s on s.seller_id = a.seller_id and s.seller_sku = a.seller_sku
        join listing l on l.seller_id = a.seller_id and l.product_id = s.product_id and l.status = 'LIVE'
          and l.channel_product_id is not null and l.channel_skus ? a.seller_sku
        join channel_warehouse w on w.connection_id = l.connection_id and w.warehouse_id = a.warehouse_id
        order by a.seller_id, a.seller_sku, a.warehouse_id, l.id
        on conflict (connection_id, channel_sku_id, channel_warehouse_id) where status = 'PENDING'
        do update set quantity = excluded.quantity, stock_version = excluded.stock_version,
          changed_at = excluded.changed_at, channel_product_id = excluded.channel_product_id,
          listing_id = excluded.listing_id
        where channel_push.stock_version < excluded.stock_version
        returning 1)
      select (select count(*) from applied) as applied, (select count(*) from queued) as queued""";

  /** How many reports were newer than what was stored, and how many channel quantities they queued. */
  public record Taken(long applied, long queued) {
  }

  private final Pool pool;

  public ChannelStockIntake(Pool pool) {
    this.pool = pool;
  }

  /** One transaction for the whole batch; {@code sellerIds} go with {@code changes} by position. */
  public Uni<Taken> record(List<String> sellerIds, List<AvailableChange> changes, OffsetDateTime now,
      long maxQuantity) {
    int size = changes.size();
    String[] skus = new String[size];
    String[] warehouses = new String[size];
    Long[] available = new Long[size];
    Long[] sellable = new Long[size];
    Long[] reserved = new Long[size];
    Long[] versions = new Long[size];
    OffsetDateTime[] changedAt = new OffsetDateTime[size];
    for (int i = 0; i < size; i++) {
      AvailableChange change = changes.get(i);
      skus[i] = change.sellerSku();
      warehouses[i] = change.warehouseId();
      available[i] = change.available();
      sellable[i] = change.sellable();
      reserved[i] = change.reserved();
      versions[i] = change.version();
      changedAt[i] = change.changedAt();
    }
    Tuple parameters = Tuple.tuple(Arrays.asList(sellerIds.toArray(String[]::new), skus, warehouses, available,
        sellable, reserved, versions, changedAt, now, maxQuantity));
    return pool.withTransaction(connection -> connection.preparedQuery(RECORD).execute(parameters))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Taken(row.getLong("applied"), row.getLong("queued"));
        });
  }
}
