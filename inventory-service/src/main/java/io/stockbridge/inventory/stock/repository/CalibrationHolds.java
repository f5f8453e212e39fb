package io.stockbridge.inventory.stock.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * What a calibration task withholds from sale on a balance (rule WH-4): not a bucket, a limit on what may be offered
 * and reserved, like the safety stock.
 */
@ApplicationScoped
public class CalibrationHolds {
  private static final String ITEM = " where seller_id = :seller and seller_sku = :sku and warehouse_id = :warehouse "
      + "returning " + StockLedgerRepository.STATE;
  private static final String HOLD = "update stock_balance set withheld = :withheld, calibration_task_id = :task, "
      + "version = version + 1, updated_at = now()" + ITEM;
  private static final String RELEASE = "update stock_balance set withheld = 0, calibration_task_id = null, "
      + "version = version + 1, updated_at = now()" + ITEM;

  /** Withholds {@code withheld} units for {@code taskId} ({@link BalanceState#ALL_WITHHELD}: all of them). */
  public Uni<BalanceState> hold(StockItem item, long withheld, UUID taskId) {
    return Panache.getSession().chain(session -> state(session.createNativeQuery(HOLD, Tuple.class)
        .setParameter("withheld", withheld).setParameter("task", taskId), item));
  }

  /** Ends the hold: the balance offers what it holds again. */
  public Uni<BalanceState> release(StockItem item) {
    return Panache.getSession().chain(session -> state(session.createNativeQuery(RELEASE, Tuple.class), item));
  }

  private static Uni<BalanceState> state(Mutiny.SelectionQuery<Tuple> update, StockItem item) {
    return update.setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).getResultList()
        .map(rows -> BalanceState.from(new SqlRow(rows.get(0))));
  }
}
