package io.stockbridge.inventory.stock.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.stock.StockHistory;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * A SKU's closing available per day, read from the audit trail: for each of its warehouses the state the day's last
 * change left (or, without a change that day, the last one before), summed. Each is an index lookup (the newest
 * change before the day's end), so a busy SKU's thousands of changes a day are never read one by one.
 */
@ApplicationScoped
public class AvailableHistory {
  private static final String CLOSING = """
      select cast(day.day as text) as day, coalesce(sum(closing.available), 0) as available
      from (select cast(d as date) as day
            from generate_series(cast(:first as timestamp), cast(:last as timestamp), interval '1 day') d) day
      cross join (select warehouse_id from stock_balance where seller_id = :seller and seller_sku = :sku%s) warehouse
      left join lateral (
        select cast(a.after_state ->> 'available' as bigint) as available from stock_audit a
        where a.seller_id = :seller and a.seller_sku = :sku and a.warehouse_id = warehouse.warehouse_id
          and a.created_at < cast(day.day + 1 as timestamp) at time zone 'UTC'
        order by a.created_at desc, a.id desc limit 1) closing on true
      group by day.day order by day.day""";

  /** The closing figures of the days from {@code first} to {@code last} (UTC days); days with none are absent. */
  public Uni<List<StockHistory.Day>> closing(String sellerId, String sellerSku, String warehouseId, LocalDate first,
      LocalDate last) {
    String sql = CLOSING.formatted(warehouseId == null ? "" : " and warehouse_id = :warehouse");
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql, Tuple.class).setParameter("seller", sellerId)
          .setParameter("sku", sellerSku).setParameter("first", first.atStartOfDay())
          .setParameter("last", last.atStartOfDay());
      if (warehouseId != null) {
        query.setParameter("warehouse", warehouseId);
      }
      return query.getResultList();
    }).map(rows -> SqlRow.of(rows).stream().map(row -> new StockHistory.Day(LocalDate.parse(row.text("day")),
        row.number("available"))).toList());
  }
}
