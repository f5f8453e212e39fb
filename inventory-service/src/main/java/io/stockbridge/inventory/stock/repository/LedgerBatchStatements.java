package io.stockbridge.inventory.stock.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.inventory.stock.repository.MarkedBalance;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository.AuditRow;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository.MovementRow;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger's statements for many items at once, each one statement whatever the number of items, run on the
 * connection of the caller's transaction. Where {@link StockLedgerRepository} changes a balance by conditional
 * moves, {@link #writeStates} writes states the caller computed: call it only on balances {@link #lockBalances}
 * locked in the same transaction, so nothing can have changed them in between.
 */
@ApplicationScoped
public class LedgerBatchStatements {
  // movements, audits and layers are dated by the suite's clock, as everything the ledger's rules compare them with
  private final SuiteClock clock;

  public LedgerBatchStatements(SuiteClock clock) {
    this.clock = clock;
  }

  private static final String ITEMS = "unnest($1::text[], $2::text[], $3::text[]) as i(seller_id, seller_sku, warehouse_id)";
  private static final String KNOWN_SKUS = "select k.seller_id, k.seller_sku from known_sku k join (select distinct "
      + "seller_id, seller_sku from unnest($1::text[], $2::text[]) as i(seller_id, seller_sku)) i "
      + "using (seller_id, seller_sku)";
  private static final String REGISTER_WAREHOUSES = "insert into known_warehouse (seller_id, warehouse_id) "
      + "select distinct seller_id, warehouse_id from unnest($1::text[], $2::text[]) as i(seller_id, warehouse_id) "
      + "order by 1, 2 on conflict do nothing";
  private static final String ENSURE_BALANCES = "insert into stock_balance (seller_id, seller_sku, warehouse_id) "
      + "select * from " + ITEMS + " order by 1, 2, 3 on conflict do nothing";
  private static final String LOCK_BALANCES = "select b.seller_id, b.seller_sku, b.warehouse_id, "
      + "b.in_transit, b.qc, b.frozen, b.unreserved, b.reserved, b.safety_stock, b.shortfall, b.version, b.withheld, "
      + "b.snapshot_observed_at, b.snapshot_sequence, b.calibration_task_id from stock_balance b join " + ITEMS
      + " using (seller_id, seller_sku, warehouse_id) order by b.seller_id, b.seller_sku, b.warehouse_id for update of b";
  private static final String WRITE_STATES = """
      update stock_balance b set in_transit = s.in_transit, qc = s.qc, frozen = s.frozen, unreserved = s.unreserved,
        shortfall = s.shortfall, version = s.version, snapshot_observed_at = s.observed_at,
        snapshot_sequence = s.sequence, updated_at = case when s.version <> b.version then now() else b.updated_at end
      from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[],
        $8::bigint[], $9::bigint[], $10::timestamptz[], $11::text[])
        as s(seller_id, seller_sku, warehouse_id, in_transit, qc, frozen, unreserved, shortfall, version, observed_at,
          sequence)
      where b.seller_id = s.seller_id and b.seller_sku = s.seller_sku and b.warehouse_id = s.warehouse_id""";
  private static final String INSERT_MOVEMENTS = """
      insert into stock_movement (seller_id, seller_sku, warehouse_id, from_bucket, to_bucket, quantity, reason, source,
        reference, actor, request_id, created_at)
      select a, b, c, d, e, f, g, h, i, j, k, $12 from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
        $6::bigint[], $7::text[],
        $8::text[], $9::text[], $10::text[], $11::text[]) with ordinality as m(a, b, c, d, e, f, g, h, i, j, k, n)
      order by n""";
  private static final String INSERT_AUDITS = """
      insert into stock_audit (seller_id, seller_sku, warehouse_id, actor, path, reason, before_state, after_state,
        reference, created_at)
      select a, b, c, d, e, f, g::jsonb, h::jsonb, i, $10 from unnest($1::text[], $2::text[], $3::text[], $4::text[],
        $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) with ordinality as x(a, b, c, d, e, f, g, h, i, n)
      order by n""";
  private static final String ADD_LAYERS = """
      insert into receipt_layer (seller_id, seller_sku, warehouse_id, received_at, quantity, remaining, reference)
      select seller_id, seller_sku, warehouse_id, $6, quantity, quantity, reference
      from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) with ordinality
        as l(seller_id, seller_sku, warehouse_id, quantity, reference, n)
      order by n""";
  // the same oldest-first rule as StockLedgerRepository.consumeLayers, for many items in one statement
  private static final String CONSUME_LAYERS = """
      update receipt_layer l set remaining = l.remaining - least(l.remaining, o.quantity - o.before)
      from (select r.id, c.quantity, sum(r.remaining) over (partition by r.seller_id, r.seller_sku, r.warehouse_id
              order by r.received_at, r.id) - r.remaining as before
            from receipt_layer r
            join unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) as c(seller_id, seller_sku, warehouse_id,
              quantity) using (seller_id, seller_sku, warehouse_id)
            where r.remaining > 0) o
      where l.id = o.id and o.before < o.quantity""";

  /** A balance's new state as a snapshot left it, with the snapshot's mark. */
  public record StateWrite(StockItem item, BalanceState state, OffsetDateTime observedAt, String sequence) {
  }

  /** Units of an item entering or leaving its on-hand buckets (rule STK-4's age layers). */
  public record LayerChange(StockItem item, long quantity, String reference) {
  }

  /** The (seller, SKU) pairs among those given that the ledger knows, as "seller\nsku". */
  public Uni<Set<String>> knownSkus(SqlClient client, Collection<StockItem> items) {
    return client.preparedQuery(KNOWN_SKUS).execute(Tuple.of(
            items.stream().map(StockItem::sellerId).toArray(String[]::new),
            items.stream().map(StockItem::sellerSku).toArray(String[]::new)))
        .map(rows -> {
          Set<String> known = new HashSet<>();
          rows.forEach(row -> known.add(row.getString(0) + "\n" + row.getString(1)));
          return known;
        });
  }

  /** Registers the items' warehouses with their sellers where they are not known yet. */
  public Uni<Void> registerWarehouses(SqlClient client, Collection<StockItem> items) {
    return client.preparedQuery(REGISTER_WAREHOUSES).execute(Tuple.of(
            items.stream().map(StockItem::sellerId).toArray(String[]::new),
            items.stream().map(StockItem::warehouseId).toArray(String[]::new)))
        .replaceWithVoid();
  }

  /**
   * Locks the items' balances in key order (so concurrent lockers wait instead of deadlocking) and reads them with
   * their snapshot marks; a missing balance is created first.
   */
  public Uni<Map<StockItem, MarkedBalance>> lockBalances(SqlClient client, Collection<StockItem> items) {
    return lock(client, items).chain(found -> {
      List<StockItem> missing = items.stream().filter(item -> !found.containsKey(item)).sorted().toList();
      if (missing.isEmpty()) {
        return Uni.createFrom().item(found);
      }
      return client.preparedQuery(ENSURE_BALANCES).execute(items(missing))
          .chain(() -> lock(client, missing))
          .map(created -> {
            found.putAll(created);
            return found;
          });
    });
  }

  private Uni<Map<StockItem, MarkedBalance>> lock(SqlClient client, Collection<StockItem> items) {
    return client.preparedQuery(LOCK_BALANCES).execute(items(items)).map(rows -> {
      Map<StockItem, MarkedBalance> locked = new LinkedHashMap<>();
      for (Row row : rows) {
        locked.put(new StockItem(row.getString(0), row.getString(1), row.getString(2)), new MarkedBalance(
            new BalanceState(row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7),
                row.getLong(8), row.getLong(9), row.getLong(10), row.getLong(11)),
            row.getOffsetDateTime(12), row.getString(13), row.getUUID(14)));
      }
      return locked;
    });
  }

  /** Writes the buckets, shortfall, version and snapshot mark of locked balances (reserved and safety stock stay). */
  public Uni<Void> writeStates(SqlClient client, List<StateWrite> writes) {
    if (writes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Tuple values = Tuple.tuple(List.of(
        writes.stream().map(w -> w.item().sellerId()).toArray(String[]::new),
        writes.stream().map(w -> w.item().sellerSku()).toArray(String[]::new),
        writes.stream().map(w -> w.item().warehouseId()).toArray(String[]::new),
        writes.stream().map(w -> w.state().inTransit()).toArray(Long[]::new),
        writes.stream().map(w -> w.state().qc()).toArray(Long[]::new),
        writes.stream().map(w -> w.state().frozen()).toArray(Long[]::new),
        writes.stream().map(w -> w.state().unreserved()).toArray(Long[]::new),
        writes.stream().map(w -> w.state().shortfall()).toArray(Long[]::new),
        writes.stream().map(w -> w.state().version()).toArray(Long[]::new),
        writes.stream().map(StateWrite::observedAt).toArray(OffsetDateTime[]::new),
        writes.stream().map(StateWrite::sequence).toArray(String[]::new)));
    return client.preparedQuery(WRITE_STATES).execute(values).replaceWithVoid();
  }

  /** One movement row per entry, in the list's order. */
  public Uni<Void> recordMovements(SqlClient client, List<MovementRow> movements) {
    if (movements.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Tuple values = Tuple.tuple(List.of(
        movements.stream().map(m -> m.item().sellerId()).toArray(String[]::new),
        movements.stream().map(m -> m.item().sellerSku()).toArray(String[]::new),
        movements.stream().map(m -> m.item().warehouseId()).toArray(String[]::new),
        movements.stream().map(m -> m.from().name()).toArray(String[]::new),
        movements.stream().map(m -> m.to().name()).toArray(String[]::new),
        movements.stream().map(MovementRow::quantity).toArray(Long[]::new),
        movements.stream().map(MovementRow::reason).toArray(String[]::new),
        movements.stream().map(m -> m.source().name()).toArray(String[]::new),
        movements.stream().map(MovementRow::reference).toArray(String[]::new),
        movements.stream().map(MovementRow::actor).toArray(String[]::new),
        movements.stream().map(MovementRow::requestId).toArray(String[]::new), clock.now()));
    return client.preparedQuery(INSERT_MOVEMENTS).execute(values).replaceWithVoid();
  }

  /** One audit row per entry, in the list's order. */
  public Uni<Void> recordAudits(SqlClient client, List<AuditRow> audits) {
    if (audits.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Tuple values = Tuple.tuple(List.of(
        audits.stream().map(a -> a.item().sellerId()).toArray(String[]::new),
        audits.stream().map(a -> a.item().sellerSku()).toArray(String[]::new),
        audits.stream().map(a -> a.item().warehouseId()).toArray(String[]::new),
        audits.stream().map(AuditRow::actor).toArray(String[]::new),
        audits.stream().map(AuditRow::path).toArray(String[]::new),
        audits.stream().map(AuditRow::reason).toArray(String[]::new),
        audits.stream().map(AuditRow::beforeJson).toArray(String[]::new),
        audits.stream().map(AuditRow::afterJson).toArray(String[]::new),
        audits.stream().map(AuditRow::reference).toArray(String[]::new), clock.now()));
    return client.preparedQuery(INSERT_AUDITS).execute(values).replaceWithVoid();
  }

  /** A new age layer per receipt (call while the items' balances are locked). */
  public Uni<Void> addLayers(SqlClient client, List<LayerChange> receipts) {
    if (receipts.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client.preparedQuery(ADD_LAYERS).execute(Tuple.tuple(List.of(
            receipts.stream().map(r -> r.item().sellerId()).toArray(String[]::new),
            receipts.stream().map(r -> r.item().sellerSku()).toArray(String[]::new),
            receipts.stream().map(r -> r.item().warehouseId()).toArray(String[]::new),
            receipts.stream().map(LayerChange::quantity).toArray(Long[]::new),
            receipts.stream().map(LayerChange::reference).toArray(String[]::new), clock.now())))
        .replaceWithVoid();
  }

  /** Units leaving, oldest layers first; at most one entry per item (call while the balances are locked). */
  public Uni<Void> consumeLayers(SqlClient client, List<LayerChange> departures) {
    if (departures.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return client.preparedQuery(CONSUME_LAYERS).execute(Tuple.of(
            departures.stream().map(d -> d.item().sellerId()).toArray(String[]::new),
            departures.stream().map(d -> d.item().sellerSku()).toArray(String[]::new),
            departures.stream().map(d -> d.item().warehouseId()).toArray(String[]::new),
            departures.stream().map(LayerChange::quantity).toArray(Long[]::new)))
        .replaceWithVoid();
  }

  private static Tuple items(Collection<StockItem> items) {
    return Tuple.of(items.stream().map(StockItem::sellerId).toArray(String[]::new),
        items.stream().map(StockItem::sellerSku).toArray(String[]::new),
        items.stream().map(StockItem::warehouseId).toArray(String[]::new));
  }
}
