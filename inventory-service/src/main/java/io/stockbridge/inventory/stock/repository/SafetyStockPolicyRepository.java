package io.stockbridge.inventory.stock.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/** A balance's replenishment policy (rule CNT-2): thresholds on the balance, no movement of units. */
@ApplicationScoped
public class SafetyStockPolicyRepository {
  /** The replenishment policy's lead time (null: the configured default); the balance must exist. */
  public Uni<Integer> leadTimeDays(StockItem item) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select lead_time_days from stock_balance where seller_id = :seller and seller_sku = :sku "
                + "and warehouse_id = :warehouse", Integer.class)
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).getResultList())
        .map(rows -> rows.isEmpty() ? null : rows.get(0));
  }

  /** Sets the replenishment policy (rule CNT-2): the safety stock and the lead time (null: the default). */
  public Uni<BalanceState> setPolicy(StockItem item, long safetyStock, Integer leadTimeDays) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update stock_balance set safety_stock = :safety, lead_time_days = nullif(:lead, -1), "
                + "version = version + 1, updated_at = now() "
                + "where seller_id = :seller and seller_sku = :sku and warehouse_id = :warehouse returning " + StockLedgerRepository.STATE,
            Tuple.class)
        .setParameter("safety", safetyStock).setParameter("lead", leadTimeDays == null ? -1 : leadTimeDays)
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).getResultList())
        .map(rows -> BalanceState.from(new SqlRow(rows.get(0))));
  }

}
