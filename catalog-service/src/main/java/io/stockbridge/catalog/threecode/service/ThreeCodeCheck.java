package io.stockbridge.catalog.threecode.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelstock.repository.ChannelStockRepository;
import io.stockbridge.catalog.product.repository.Sku;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.catalog.threecode.ThreeCodeReport;
import io.stockbridge.catalog.threecode.ThreeCodeReport.Mismatch;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItem;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItemRepository;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Rule WH-3: the channel's SKU code, the barcode on the goods and the warehouse's item id must agree, or the
 * warehouse picks, counts and reports the wrong goods. Reports every disagreement for one warehouse.
 */
@ApplicationScoped
public class ThreeCodeCheck {
  private final SkuRepository skus;
  private final WarehouseItemRepository items;
  private final ChannelStockRepository stock;
  private final SuiteClock clock;

  public ThreeCodeCheck(SkuRepository skus, WarehouseItemRepository items, ChannelStockRepository stock,
      SuiteClock clock) {
    this.skus = skus;
    this.items = items;
    this.stock = stock;
    this.clock = clock;
  }

  @WithSession
  /**
   * The report for one of the seller's warehouses. A warehouse in which the seller has neither a mapped item nor
   * stock the ledger reported is not one the catalogue knows for this seller (another seller's, or none at all):
   * 404, not an empty report.
   */
  public Uni<ThreeCodeReport> check(String sellerId, String warehouseId) {
    return skus.ofSeller(sellerId).chain(catalogue -> items.allInWarehouse(sellerId, warehouseId)
        .chain(mapped -> stock.skusWithStock(sellerId, warehouseId).map(stocked -> {
          if (mapped.isEmpty() && stocked.isEmpty()) {
            throw ProblemException.notFound("Warehouse", warehouseId);
          }
          return report(warehouseId, catalogue, mapped, Set.copyOf(stocked));
        })));
  }

  ThreeCodeReport report(String warehouseId, List<Sku> catalogue, List<WarehouseItem> mapped,
      Set<String> stocked) {
    Map<String, Sku> bySku = new HashMap<>();
    catalogue.forEach(sku -> bySku.put(sku.sellerSku, sku));
    List<Mismatch> mismatches = new ArrayList<>();
    Map<String, WarehouseItem> byWmsId = new HashMap<>();
    Map<String, WarehouseItem> byBarcode = new HashMap<>();
    Set<String> mappedSkus = new HashSet<>();
    for (WarehouseItem item : mapped) {
      mappedSkus.add(item.sellerSku);
      Sku sku = bySku.get(item.sellerSku);
      Boolean hasStock = stocked.contains(item.sellerSku);
      if (sku == null) {
        mismatches.add(new Mismatch("sku_not_in_catalogue", item.sellerSku, item.wmsItemId, null, item.barcode, null,
            hasStock, "The warehouse item is mapped to SKU " + item.sellerSku + ", which the catalogue does not have"));
      } else if (sku.barcode != null && item.barcode == null) {
        mismatches.add(new Mismatch("barcode_missing_at_warehouse", item.sellerSku, item.wmsItemId, sku.barcode, null,
            null, hasStock, "The warehouse has no barcode on file for " + item.sellerSku + "; the goods carry "
                + sku.barcode));
      } else if (item.barcode != null && !Objects.equals(sku.barcode, item.barcode)) {
        mismatches.add(new Mismatch("barcode_mismatch", item.sellerSku, item.wmsItemId, sku.barcode, item.barcode,
            null, hasStock, "The warehouse knows " + item.sellerSku + " by barcode " + item.barcode
                + ", the catalogue by " + (sku.barcode == null ? "none" : sku.barcode)));
      }
      // WMS ids that differ only in case or spaces are one item to most warehouses' scanners and searches
      WarehouseItem sameId = byWmsId.putIfAbsent(normalise(item.wmsItemId), item);
      if (sameId != null) {
        mismatches.add(new Mismatch("wms_item_mapped_twice", item.sellerSku, item.wmsItemId, null, null,
            sameId.sellerSku, hasStock, "WMS item " + item.wmsItemId + " is mapped to both " + sameId.sellerSku
                + " and " + item.sellerSku));
      }
      if (item.barcode != null) {
        WarehouseItem sameBarcode = byBarcode.putIfAbsent(item.barcode, item);
        if (sameBarcode != null) {
          mismatches.add(new Mismatch("barcode_shared", item.sellerSku, item.wmsItemId, null, item.barcode,
              sameBarcode.sellerSku, hasStock, "Barcode " + item.barcode + " stands for both "
                  + sameBarcode.sellerSku + " and " + item.sellerSku + " in this warehouse; a scan cannot tell them apart"));
        }
      }
    }
    for (Sku sku : catalogue) {
      if (!mappedSkus.contains(sku.sellerSku)) {
        boolean hasStock = stocked.contains(sku.sellerSku);
        mismatches.add(new Mismatch("sku_not_mapped", sku.sellerSku, null, sku.barcode, null, null, hasStock,
            hasStock ? sku.sellerSku + " has stock in this warehouse but no WMS item is mapped to it: its stock "
                + "cannot be reconciled" : sku.sellerSku + " is not mapped to an item of this warehouse"));
      }
    }
    return new ThreeCodeReport(warehouseId, clock.now(), catalogue.size(), mappedSkus.size(),
        mismatches.isEmpty(), mismatches);
  }

  private static String normalise(String wmsItemId) {
    return wmsItemId.strip().toUpperCase(Locale.ROOT);
  }
}
