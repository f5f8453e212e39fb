package io.stockbridge.inventory.stock.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.persistence.SqlRow;

/**
 * The ledger's statements, run in the caller's transaction. A movement is one conditional UPDATE: it applies only
 * if the source bucket holds enough, so two concurrent takers can never both take the same unit (rule RES-1), and
 * no balance is ever read, checked and written back.
 */
@ApplicationScoped
public class StockLedgerRepository {
  static final String STATE = "in_transit, qc, frozen, unreserved, reserved, safety_stock, shortfall, version, withheld";

  // movements, audits and layers are dated by the suite's clock, as everything the ledger's rules compare them with
  private final SuiteClock clock;

  public StockLedgerRepository(SuiteClock clock) {
    this.clock = clock;
  }

  public Uni<Set<String>> knownSkus(String sellerId, Collection<String> sellerSkus) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select seller_sku from known_sku where seller_id = :seller and seller_sku in (:skus)", String.class)
        .setParameter("seller", sellerId).setParameter("skus", sellerSkus).getResultList())
        .map(HashSet::new);
  }

  public Uni<Set<String>> knownWarehouses(String sellerId, Collection<String> warehouseIds) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select warehouse_id from known_warehouse where seller_id = :seller and warehouse_id in (:ids)",
            String.class)
        .setParameter("seller", sellerId).setParameter("ids", warehouseIds).getResultList())
        .map(HashSet::new);
  }

  /** Registers a warehouse of the seller if it is not known yet; true when it was new. */
  public Uni<Boolean> registerWarehouse(String sellerId, String warehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into known_warehouse (seller_id, warehouse_id) values (:seller, :warehouse) on conflict do nothing")
        .setParameter("seller", sellerId).setParameter("warehouse", warehouseId).executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /** Registers a SKU of the seller if it is not known yet; true when it was new. */
  public Uni<Boolean> registerSku(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into known_sku (seller_id, seller_sku) values (:seller, :sku) on conflict do nothing")
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).executeUpdate())
        .map(inserted -> inserted == 1);
  }

  public Uni<Void> ensureBalance(StockItem item) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into stock_balance (seller_id, seller_sku, warehouse_id) values (:seller, :sku, :warehouse) "
                + "on conflict do nothing")
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).executeUpdate())
        .replaceWithVoid();
  }

  /**
   * Moves {@code quantity} units between two buckets if the source holds them; with {@code keepSafetyStock} the
   * safety stock stays untouched (what reservations may take).
   *
   * @return the state after the move, or null when the source did not hold enough (nothing changed)
   */
  public Uni<BalanceState> move(StockItem item, Bucket from, Bucket to, long quantity, boolean keepSafetyStock) {
    StringBuilder sql = new StringBuilder("update stock_balance set version = version + 1, updated_at = now()");
    if (from.column() != null) {
      sql.append(", ").append(from.column()).append(" = ").append(from.column()).append(" - :quantity");
    }
    if (to.column() != null) {
      sql.append(", ").append(to.column()).append(" = ").append(to.column()).append(" + :quantity");
    }
    sql.append(" where seller_id = :seller and seller_sku = :sku and warehouse_id = :warehouse");
    if (from.column() != null) {
      // what a reservation may take leaves the safety stock and what a calibration task withholds (WH-4); written so
      // that withholding everything cannot overflow
      sql.append(" and ").append(keepSafetyStock ? from.column() + " - safety_stock - :quantity >= withheld"
          : from.column() + " >= :quantity");
    }
    sql.append(" returning ").append(STATE);
    return Panache.getSession().chain(session -> session.createNativeQuery(sql.toString(), Tuple.class)
        .setParameter("quantity", quantity).setParameter("seller", item.sellerId())
        .setParameter("sku", item.sellerSku()).setParameter("warehouse", item.warehouseId())
        .getResultList())
        .map(rows -> rows.isEmpty() ? null : BalanceState.from(new SqlRow(rows.get(0))));
  }

  /** Sets the safety stock (not a bucket: a threshold on what may be sold). */
  public Uni<BalanceState> setSafetyStock(StockItem item, long safetyStock) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update stock_balance set safety_stock = :safety, version = version + 1, updated_at = now() "
                + "where seller_id = :seller and seller_sku = :sku and warehouse_id = :warehouse returning " + STATE,
            Tuple.class)
        .setParameter("safety", safetyStock).setParameter("seller", item.sellerId())
        .setParameter("sku", item.sellerSku()).setParameter("warehouse", item.warehouseId()).getResultList())
        .map(rows -> BalanceState.from(new SqlRow(rows.get(0))));
  }

  /** The current state, locking the row until the transaction ends (for edits that check before they change). */
  public Uni<BalanceState> lock(StockItem item) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select " + STATE + " from stock_balance where seller_id = :seller and seller_sku = :sku "
                + "and warehouse_id = :warehouse for update", Tuple.class)
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).getResultList())
        .map(rows -> rows.isEmpty() ? null : BalanceState.from(new SqlRow(rows.get(0))));
  }

  public Uni<Void> recordMovement(StockItem item, Bucket from, Bucket to, long quantity, String reason,
      MovementSource source, String reference, String actor, String requestId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into stock_movement (seller_id, seller_sku, warehouse_id, from_bucket, to_bucket, quantity, "
                + "reason, source, reference, actor, request_id, created_at) values (:seller, :sku, :warehouse, :from, "
                + ":to, :quantity, :reason, :source, :reference, :actor, :request, :at)")
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).setParameter("from", from.name())
        .setParameter("to", to.name()).setParameter("quantity", quantity).setParameter("reason", reason)
        .setParameter("source", source.name()).setParameter("reference", reference).setParameter("actor", actor)
        .setParameter("request", requestId).setParameter("at", clock.now()).executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Void> recordAudit(StockItem item, String actor, String path, String reason, String beforeJson,
      String afterJson, String reference) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into stock_audit (seller_id, seller_sku, warehouse_id, actor, path, reason, before_state, "
                + "after_state, reference, created_at) values (:seller, :sku, :warehouse, :actor, :path, :reason, "
                + "cast(cast(:before as text) as jsonb), cast(cast(:after as text) as jsonb), :reference, :at)")
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).setParameter("actor", actor).setParameter("path", path)
        .setParameter("reason", reason).setParameter("before", beforeJson).setParameter("after", afterJson)
        .setParameter("reference", reference).setParameter("at", clock.now()).executeUpdate())
        .replaceWithVoid();
  }

  /**
   * Locks the item's balance and reads it with the last applied snapshot's mark, in one statement; null when the
   * item has no balance row yet.
   */
  public Uni<MarkedBalance> lockWithMark(StockItem item) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select " + STATE + ", snapshot_observed_at, snapshot_sequence, calibration_task_id from stock_balance where seller_id = :seller "
                + "and seller_sku = :sku and warehouse_id = :warehouse for update", Tuple.class)
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).getResultList())
        .map(rows -> rows.isEmpty() ? null : MarkedBalance.of(new SqlRow(rows.get(0))));
  }


  public Uni<Void> markSnapshot(StockItem item, java.time.OffsetDateTime observedAt, String sequence, long shortfall) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update stock_balance set snapshot_observed_at = :at, snapshot_sequence = :sequence, shortfall = :shortfall "
                + "where seller_id = :seller and seller_sku = :sku and warehouse_id = :warehouse")
        .setParameter("at", observedAt).setParameter("sequence", sequence).setParameter("shortfall", shortfall)
        .setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).executeUpdate())
        .replaceWithVoid();
  }

  /** A receipt into the warehouse: a new age layer (rule STK-4). Call while the item's balance row is locked. */
  public Uni<Void> addLayer(StockItem item, long quantity, String reference) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into receipt_layer (seller_id, seller_sku, warehouse_id, received_at, quantity, remaining, reference) "
                + "values (:seller, :sku, :warehouse, :at, :quantity, :quantity, :reference)")
        .setParameter("at", clock.now()).setParameter("seller", item.sellerId()).setParameter("sku", item.sellerSku())
        .setParameter("warehouse", item.warehouseId()).setParameter("quantity", quantity)
        .setParameter("reference", reference).executeUpdate())
        .replaceWithVoid();
  }

  /**
   * Units leaving the warehouse consume the oldest layers first (rule STK-4), in one statement: each open layer
   * gives up what the layers before it did not cover. Call while the item's balance row is locked.
   */
  public Uni<Void> consumeLayers(StockItem item, long quantity) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update receipt_layer l set remaining = l.remaining - least(l.remaining, :quantity - o.before) "
                + "from (select id, sum(remaining) over (order by received_at, id) - remaining as before "
                + "from receipt_layer where seller_id = :seller and seller_sku = :sku and warehouse_id = :warehouse "
                + "and remaining > 0) o where l.id = o.id and o.before < :quantity")
        .setParameter("quantity", quantity).setParameter("seller", item.sellerId())
        .setParameter("sku", item.sellerSku()).setParameter("warehouse", item.warehouseId()).executeUpdate())
        .replaceWithVoid();
  }

  /** The open layers of a SKU, by warehouse, oldest first. */
  public Uni<List<ReceiptLayer>> openLayers(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select warehouse_id, received_at, remaining from receipt_layer where seller_id = :seller "
                + "and seller_sku = :sku and remaining > 0 order by warehouse_id, received_at, id", Tuple.class)
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(ReceiptLayer::of).toList());
  }

  /**
   * Locks every balance of the given SKUs, in (SKU, warehouse) order so that concurrent lockers never deadlock,
   * and returns their states.
   */
  public Uni<java.util.Map<StockItem, BalanceState>> lockSkus(String sellerId, Collection<String> sellerSkus) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select seller_sku, warehouse_id, " + STATE + " from stock_balance where seller_id = :seller "
                + "and seller_sku in (:skus) order by seller_sku, warehouse_id for update", Tuple.class)
        .setParameter("seller", sellerId).setParameter("skus", sellerSkus).getResultList())
        .map(rows -> {
          java.util.Map<StockItem, BalanceState> states = new java.util.LinkedHashMap<>();
          SqlRow.of(rows).stream().map(WarehouseBalance::of).forEach(balance -> states.put(
              new StockItem(sellerId, balance.sellerSku(), balance.warehouseId()), balance.state()));
          return states;
        });
  }

  /** One movement row per entry, in one statement. */
  public Uni<Void> recordMovements(List<MovementRow> movements) {
    if (movements.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    StringBuilder sql = new StringBuilder("insert into stock_movement (seller_id, seller_sku, warehouse_id, "
        + "from_bucket, to_bucket, quantity, reason, source, reference, actor, request_id, created_at) values ");
    for (int i = 0; i < movements.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:seller").append(i).append(", :sku").append(i).append(", :warehouse")
          .append(i).append(", :from").append(i).append(", :to").append(i).append(", :quantity").append(i)
          .append(", :reason").append(i).append(", :source").append(i).append(", :reference").append(i)
          .append(", :actor").append(i).append(", :request").append(i).append(", :at)");
    }
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString()).setParameter("at", clock.now());
      for (int i = 0; i < movements.size(); i++) {
        MovementRow m = movements.get(i);
        query.setParameter("seller" + i, m.item().sellerId()).setParameter("sku" + i, m.item().sellerSku())
            .setParameter("warehouse" + i, m.item().warehouseId()).setParameter("from" + i, m.from().name())
            .setParameter("to" + i, m.to().name()).setParameter("quantity" + i, m.quantity())
            .setParameter("reason" + i, m.reason()).setParameter("source" + i, m.source().name())
            .setParameter("reference" + i, m.reference()).setParameter("actor" + i, m.actor())
            .setParameter("request" + i, m.requestId());
      }
      return query.executeUpdate();
    }).replaceWithVoid();
  }

  /** One audit row per entry, in one statement. */
  public Uni<Void> recordAudits(List<AuditRow> audits) {
    if (audits.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    StringBuilder sql = new StringBuilder("insert into stock_audit (seller_id, seller_sku, warehouse_id, actor, path, "
        + "reason, before_state, after_state, reference, created_at) values ");
    for (int i = 0; i < audits.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(:seller").append(i).append(", :sku").append(i).append(", :warehouse")
          .append(i).append(", :actor").append(i).append(", :path").append(i).append(", :reason").append(i)
          .append(", cast(cast(:before").append(i).append(" as text) as jsonb), cast(cast(:after").append(i)
          .append(" as text) as jsonb), :reference").append(i).append(", :at)");
    }
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString()).setParameter("at", clock.now());
      for (int i = 0; i < audits.size(); i++) {
        AuditRow a = audits.get(i);
        query.setParameter("seller" + i, a.item().sellerId()).setParameter("sku" + i, a.item().sellerSku())
            .setParameter("warehouse" + i, a.item().warehouseId()).setParameter("actor" + i, a.actor())
            .setParameter("path" + i, a.path()).setParameter("reason" + i, a.reason())
            .setParameter("before" + i, a.beforeJson()).setParameter("after" + i, a.afterJson())
            .setParameter("reference" + i, a.reference());
      }
      return query.executeUpdate();
    }).replaceWithVoid();
  }

  /** A movement to record. */
  public record MovementRow(StockItem item, Bucket from, Bucket to, long quantity, String reason,
      MovementSource source, String reference, String actor, String requestId) {
  }

  /** An audit entry to record. */
  public record AuditRow(StockItem item, String actor, String path, String reason, String beforeJson,
      String afterJson, String reference) {
  }

  /** Every balance of one SKU, by warehouse. */
  public Uni<List<WarehouseBalance>> balancesOfSku(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select seller_sku, warehouse_id, " + STATE + " from stock_balance where seller_id = :seller "
                + "and seller_sku = :sku order by warehouse_id", Tuple.class)
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).getResultList())
        .map(rows -> SqlRow.of(rows).stream().map(WarehouseBalance::of).toList());
  }
}
