package io.stockbridge.inventory.stock.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.stock.SkuStock;
import io.stockbridge.inventory.stock.StockQuery;
import io.stockbridge.inventory.stock.StockQueryResult;
import io.stockbridge.inventory.stock.StockAge;
import io.stockbridge.inventory.stock.StockHistory;
import io.stockbridge.inventory.stock.StockLevels;
import io.stockbridge.inventory.stock.WarehouseStock;
import io.stockbridge.inventory.stock.config.StockConfig;
import io.stockbridge.inventory.stock.repository.AvailableHistory;
import io.stockbridge.inventory.stock.repository.BalanceLookups;
import io.stockbridge.inventory.stock.repository.ReceiptLayer;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.stock.repository.WarehouseBalance;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.persistence.SqlRow;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Reads of the stock picture.
 */
@ApplicationScoped
public class StockQueries {
  private final StockLedgerRepository repository;
  private final BalanceLookups lookups;
  private final AvailableHistory history;
  private final StockConfig config;
  private final SuiteClock clock;

  public StockQueries(StockLedgerRepository repository, BalanceLookups lookups, AvailableHistory history,
      StockConfig config, SuiteClock clock) {
    this.repository = repository;
    this.lookups = lookups;
    this.history = history;
    this.config = config;
    this.clock = clock;
  }

  /** Many SKUs' stock in one read: each SKU asked for once, in the order asked; unknown ones named apart. */
  @WithSession
  public Uni<StockQueryResult> ofSkus(String sellerId, StockQuery query) {
    List<String> asked = query.sellerSkus().stream().distinct().toList();
    return repository.knownSkus(sellerId, asked)
        .chain(known -> (known.isEmpty() ? Uni.createFrom().item(List.<WarehouseBalance>of())
            : lookups.balancesOfSkus(sellerId, known, query.warehouseId()))
            .map(balances -> {
              Map<String, List<WarehouseStock>> bySku = new LinkedHashMap<>();
              balances.forEach(balance -> bySku.computeIfAbsent(balance.sellerSku(), sku -> new ArrayList<>())
                  .add(stockOf(balance)));
              List<SkuStock> items = asked.stream().filter(known::contains).map(sku -> {
                List<WarehouseStock> warehouses = bySku.getOrDefault(sku, List.of());
                return new SkuStock(sku, warehouses, warehouses.stream().mapToLong(w -> w.levels().available()).sum());
              }).toList();
              return new StockQueryResult(items, asked.stream().filter(sku -> !known.contains(sku)).toList());
            }));
  }

  @WithSession
  public Uni<SkuStock> ofSku(String sellerId, String sellerSku) {
    return repository.knownSkus(sellerId, List.of(sellerSku)).chain(known -> {
      if (known.isEmpty()) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return repository.balancesOfSku(sellerId, sellerSku);
    }).map(balances -> {
      List<WarehouseStock> warehouses = balances.stream().map(StockQueries::stockOf).toList();
      return new SkuStock(sellerSku, warehouses, warehouses.stream().mapToLong(w -> w.levels().available()).sum());
    });
  }

  @WithSession
  public Uni<WarehouseStock> ofItem(String sellerId, String sellerSku, String warehouseId) {
    return ofSku(sellerId, sellerSku).map(stock -> stock.warehouses().stream()
        .filter(w -> w.warehouseId().equals(warehouseId)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("Stock of " + sellerSku + " in warehouse", warehouseId)));
  }

  /**
   * A SKU's available at the end of each of the last {@code days} days (UTC), in one warehouse or summed over all;
   * today's figure is the balance now.
   */
  @WithSession
  public Uni<StockHistory> history(String sellerId, String sellerSku, String warehouseId, int days) {
    LocalDate today = clock.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    return repository.knownSkus(sellerId, List.of(sellerSku)).chain(known -> {
      if (known.isEmpty()) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return history.closing(sellerId, sellerSku, warehouseId, today.minusDays(days - 1L), today);
    }).chain(closing -> repository.balancesOfSku(sellerId, sellerSku).map(balances -> {
      Map<LocalDate, Long> byDay = new LinkedHashMap<>();
      closing.forEach(day -> byDay.put(day.day(), day.available()));
      byDay.put(today, balances.stream().filter(b -> warehouseId == null || b.warehouseId().equals(warehouseId))
          .mapToLong(b -> b.state().available()).sum());
      List<StockHistory.Day> series = new ArrayList<>();
      for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
        series.add(new StockHistory.Day(day, byDay.getOrDefault(day, 0L)));
      }
      return new StockHistory(sellerSku, warehouseId, series);
    }));
  }

  /** The age of a SKU's on-hand units per warehouse (rule STK-4). */
  @WithSession
  public Uni<StockAge> age(String sellerId, String sellerSku) {
    OffsetDateTime now = clock.now();
    long agedAfterDays = config.agedStockThreshold().toDays();
    return repository.knownSkus(sellerId, List.of(sellerSku)).chain(known -> {
      if (known.isEmpty()) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return repository.openLayers(sellerId, sellerSku);
    }).map(receipts -> {
      Map<String, List<StockAge.Layer>> byWarehouse = new LinkedHashMap<>();
      for (ReceiptLayer receipt : receipts) {
        byWarehouse.computeIfAbsent(receipt.warehouseId(), k -> new ArrayList<>()).add(new StockAge.Layer(
            receipt.receivedAt(), receipt.remaining(), Duration.between(receipt.receivedAt(), now).toDays()));
      }
      List<StockAge.WarehouseAge> warehouses = byWarehouse.entrySet().stream().map(entry -> {
        List<StockAge.Layer> layers = entry.getValue();
        long units = layers.stream().mapToLong(StockAge.Layer::units).sum();
        double unitDays = layers.stream().mapToDouble(l -> l.units() * (double) l.ageDays()).sum();
        long aged = layers.stream().filter(l -> l.ageDays() > agedAfterDays).mapToLong(StockAge.Layer::units).sum();
        return new StockAge.WarehouseAge(entry.getKey(), units, units == 0 ? 0 : unitDays / units,
            units == 0 ? 0 : (double) aged / units, layers);
      }).toList();
      return new StockAge(sellerSku, agedAfterDays, warehouses);
    });
  }

  /** A page of balances in (SKU, warehouse) order. */
  @WithSession
  public Uni<Page<WarehouseStock>> list(String sellerId, String warehouseId, boolean belowSafetyStock, String cursor,
      int limit) {
    String[] after = decode(cursor);
    StringBuilder sql = new StringBuilder("select seller_sku, warehouse_id, in_transit, qc, frozen, unreserved, "
        + "reserved, safety_stock, shortfall, version, withheld from stock_balance where seller_id = :seller");
    if (warehouseId != null) {
      sql.append(" and warehouse_id = :warehouse");
    }
    if (belowSafetyStock) {
      sql.append(" and unreserved < safety_stock");
    }
    if (after != null) {
      sql.append(" and (seller_sku, warehouse_id) > (:afterSku, :afterWarehouse)");
    }
    sql.append(" order by seller_sku, warehouse_id limit :limit");
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql.toString(), Tuple.class)
          .setParameter("seller", sellerId).setParameter("limit", limit + 1);
      if (warehouseId != null) {
        query.setParameter("warehouse", warehouseId);
      }
      if (after != null) {
        query.setParameter("afterSku", after[0]).setParameter("afterWarehouse", after[1]);
      }
      return query.getResultList();
    }).map(tuples -> {
      List<WarehouseBalance> balances = SqlRow.of(tuples).stream().map(WarehouseBalance::of).toList();
      boolean more = balances.size() > limit;
      List<WarehouseBalance> shown = more ? balances.subList(0, limit) : balances;
      String next = more ? encode(shown.get(limit - 1).sellerSku(), shown.get(limit - 1).warehouseId()) : null;
      return new Page<>(shown.stream().map(StockQueries::stockOf).toList(), next);
    });
  }

  private static WarehouseStock stockOf(WarehouseBalance balance) {
    return new WarehouseStock(balance.sellerSku(), balance.warehouseId(), StockLevels.of(balance.state()));
  }

  private static String encode(String sku, String warehouse) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((sku + "\n" + warehouse).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
      if (parts.length == 2) {
        return parts;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw PageCursor.invalid();
  }
}
