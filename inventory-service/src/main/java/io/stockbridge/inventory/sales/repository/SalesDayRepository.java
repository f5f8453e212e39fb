package io.stockbridge.inventory.sales.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.sales.DateWindow;
import io.stockbridge.inventory.sales.SalesDay;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger's sales per day (kept by the database as shipments are booked). */
@ApplicationScoped
public class SalesDayRepository {
  private static final String DAYS = """
      select d::date as day, coalesce(sum(s.units), 0) as units, coalesce(sum(s.shipments), 0) as shipments
      from generate_series($3::date, $4::date, interval '1 day') d
      left join sales_day s on s.day = d::date and s.seller_id = $1 and s.seller_sku = $2
        and ($5::text is null or s.warehouse_id = $5::text)
      group by d order by d""";

  private final Pool pool;

  public SalesDayRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every day of the window, in order, with what shipped (0 on a day without sales). */
  public Uni<List<SalesDay>> days(String sellerId, String sellerSku, String warehouseId, DateWindow window) {
    return pool.preparedQuery(DAYS).execute(Tuple.of(sellerId, sellerSku, window.from(), window.to(), warehouseId))
        .map(rows -> {
          List<SalesDay> days = new ArrayList<>();
          rows.forEach(row -> days.add(new SalesDay(row.getLocalDate("day"), row.getLong("units"),
              row.getLong("shipments"))));
          return days;
        });
  }

  /** Whether the seller's ledger knows the SKU. */
  public Uni<Boolean> knows(String sellerId, String sellerSku) {
    return pool.preparedQuery("select 1 from known_sku where seller_id = $1 and seller_sku = $2")
        .execute(Tuple.of(sellerId, sellerSku)).map(rows -> rows.size() > 0);
  }
}
