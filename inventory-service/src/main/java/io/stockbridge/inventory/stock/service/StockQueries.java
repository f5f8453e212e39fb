package io.stockbridge.inventory.stock.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.stock.config.StockConfig;
import io.stockbridge.inventory.stock.repository.BalanceState;
import io.stockbridge.platform.persistence.SqlValues;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;
import io.stockbridge.inventory.stock.rest.SkuStock;
import io.stockbridge.inventory.stock.rest.StockAge;
import io.stockbridge.inventory.stock.rest.StockLevels;
import io.stockbridge.inventory.stock.rest.WarehouseStock;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Reads of the stock picture.
 */
@ApplicationScoped
public class StockQueries {
  private final StockLedgerRepository repository;
  private final StockConfig config;

  public StockQueries(StockLedgerRepository repository, StockConfig config) {
    this.repository = repository;
    this.config = config;
  }

  @WithSession
  public Uni<SkuStock> ofSku(String sellerId, String sellerSku) {
    return repository.knownSkus(sellerId, List.of(sellerSku)).chain(known -> {
      if (known.isEmpty()) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return repository.balancesOfSku(sellerId, sellerSku);
    }).map(rows -> {
      List<WarehouseStock> warehouses = rows.stream()
          .map(row -> new WarehouseStock(sellerSku, (String) row[0], StockLevels.of(stateOf(row))))
          .toList();
      return new SkuStock(sellerSku, warehouses, warehouses.stream().mapToLong(w -> w.levels().available()).sum());
    });
  }

  @WithSession
  public Uni<WarehouseStock> ofItem(String sellerId, String sellerSku, String warehouseId) {
    return ofSku(sellerId, sellerSku).map(stock -> stock.warehouses().stream()
        .filter(w -> w.warehouseId().equals(warehouseId)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("Stock of " + sellerSku + " in warehouse", warehouseId)));
  }

  /** The age of a SKU's on-hand units per warehouse (rule STK-4). */
  @WithSession
  public Uni<StockAge> age(String sellerId, String sellerSku) {
    OffsetDateTime now = OffsetDateTime.now();
    long agedAfterDays = config.agedStockThreshold().toDays();
    return repository.knownSkus(sellerId, List.of(sellerSku)).chain(known -> {
      if (known.isEmpty()) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return repository.openLayers(sellerId, sellerSku);
    }).map(rows -> {
      Map<String, List<StockAge.Layer>> byWarehouse = new LinkedHashMap<>();
      for (Object[] row : rows) {
        OffsetDateTime receivedAt = SqlValues.timestamp(row[1]);
        byWarehouse.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(new StockAge.Layer(receivedAt,
            ((Number) row[2]).longValue(), Duration.between(receivedAt, now).toDays()));
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
        + "reserved, safety_stock, shortfall, version from stock_balance where seller_id = :seller");
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
      var query = session.createNativeQuery(sql.toString(), Object[].class)
          .setParameter("seller", sellerId).setParameter("limit", limit + 1);
      if (warehouseId != null) {
        query.setParameter("warehouse", warehouseId);
      }
      if (after != null) {
        query.setParameter("afterSku", after[0]).setParameter("afterWarehouse", after[1]);
      }
      return query.getResultList();
    }).map(rows -> {
      boolean more = rows.size() > limit;
      List<Object[]> shown = more ? rows.subList(0, limit) : rows;
      List<WarehouseStock> items = shown.stream()
          .map(row -> new WarehouseStock((String) row[0], (String) row[1], StockLevels.of(BalanceState.from(row, 2))))
          .toList();
      String next = more ? encode((String) shown.get(limit - 1)[0], (String) shown.get(limit - 1)[1]) : null;
      return new Page<>(items, next);
    });
  }

  private static BalanceState stateOf(Object[] row) {
    return BalanceState.from(row, 1);
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
