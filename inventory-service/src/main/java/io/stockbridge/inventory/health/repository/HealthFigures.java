package io.stockbridge.inventory.health.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.sales.DateWindow;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The health report's figures in one statement: balances, sales of the window from the daily sums, and ages from the
 * open receipt layers, per SKU and warehouse of the seller.
 */
@ApplicationScoped
public class HealthFigures {
  private static final String FIGURES = """
      with b as (select seller_sku, warehouse_id, unreserved, reserved, qc, frozen, safety_stock, withheld,
                   snapshot_observed_at
                 from stock_balance where seller_id = $1 and ($2::text is null or warehouse_id = $2::text)),
      s as (select seller_sku, warehouse_id, sum(units) as sold from sales_day
            where seller_id = $1 and day between $3::date and $4::date
              and ($2::text is null or warehouse_id = $2::text) group by 1, 2),
      l as (select seller_sku, warehouse_id, sum(remaining) as held,
              coalesce(sum(remaining) filter (where received_at <= $5::timestamptz), 0) as older90,
              coalesce(sum(remaining) filter (where received_at <= $6::timestamptz), 0) as aged
            from receipt_layer where seller_id = $1 and remaining > 0
              and ($2::text is null or warehouse_id = $2::text) group by 1, 2)
      select b.seller_sku, b.warehouse_id, b.unreserved + b.reserved + b.qc + b.frozen as on_hand,
        greatest(0, b.unreserved - least(b.withheld, b.unreserved) - b.safety_stock) as available,
        b.unreserved, b.safety_stock, coalesce(s.sold, 0) as sold, coalesce(l.held, 0) as held,
        coalesce(l.older90, 0) as older90, coalesce(l.aged, 0) as aged, b.snapshot_observed_at
      from b left join s using (seller_sku, warehouse_id) left join l using (seller_sku, warehouse_id)
      order by b.warehouse_id, b.seller_sku""";

  private final Pool pool;

  public HealthFigures(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<ItemFigures>> of(String sellerId, String warehouseId, DateWindow window, OffsetDateTime olderThan90,
      OffsetDateTime agedBefore) {
    return pool.preparedQuery(FIGURES).execute(Tuple.tuple(java.util.Arrays.asList(sellerId, warehouseId,
            window.from(), window.to(), olderThan90, agedBefore)))
        .map(rows -> {
          List<ItemFigures> items = new ArrayList<>();
          rows.forEach(row -> items.add(new ItemFigures(row.getString("seller_sku"), row.getString("warehouse_id"),
              row.getLong("on_hand"), row.getLong("available"), row.getLong("unreserved"),
              row.getLong("safety_stock"), row.getLong("sold"), row.getLong("held"), row.getLong("older90"),
              row.getLong("aged"), row.getOffsetDateTime("snapshot_observed_at"))));
          return items;
        });
  }
}
