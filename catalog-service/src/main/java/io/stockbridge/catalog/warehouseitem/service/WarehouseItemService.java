package io.stockbridge.catalog.warehouseitem.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.catalog.warehouseitem.WarehouseItemMapping;
import io.stockbridge.catalog.warehouseitem.WarehouseItemView;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItem;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItemRepository;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * The three codes of each SKU per warehouse (rule WH-3). A WMS item belongs to one SKU: a second SKU claiming it
 * is refused, so the gateway never has to guess which SKU a warehouse meant.
 */
@ApplicationScoped
public class WarehouseItemService {
  private final WarehouseItemRepository items;
  private final SkuRepository skus;
  private final SuiteClock clock;

  public WarehouseItemService(WarehouseItemRepository items, SkuRepository skus, SuiteClock clock) {
    this.items = items;
    this.skus = skus;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<WarehouseItemView> map(String sellerId, String sellerSku, String warehouseId, WarehouseItemMapping mapping) {
    return skus.takenSellerSkus(sellerId, List.of(sellerSku)).chain(existing -> {
      if (existing.isEmpty()) {
        throw ProblemException.notFound("SKU", sellerSku);
      }
      return items.findByWmsItem(sellerId, warehouseId, mapping.wmsItemId());
    }).chain(claimed -> {
      if (claimed != null && !claimed.sellerSku.equals(sellerSku)) {
        throw new ProblemException(409, CatalogProblem.WMS_ITEM_TAKEN, "Conflict", "WMS item " + mapping.wmsItemId()
            + " in this warehouse already belongs to " + claimed.sellerSku,
            List.of(new FieldError("wmsItemId", "taken", "mapped to " + claimed.sellerSku)));
      }
      return items.findBySku(sellerId, sellerSku, warehouseId);
    }).chain(current -> {
      WarehouseItem item = current != null ? current : new WarehouseItem();
      if (current == null) {
        item.id = UUID.randomUUID();
        item.sellerId = sellerId;
        item.sellerSku = sellerSku;
        item.warehouseId = warehouseId;
      }
      item.wmsItemId = mapping.wmsItemId();
      item.barcode = mapping.barcode();
      item.updatedAt = clock.now();
      return (current == null ? items.persist(item) : Uni.createFrom().item(item)).map(WarehouseItemView::of);
    });
  }

  @WithSession
  public Uni<WarehouseItemView> resolve(String sellerId, String warehouseId, String wmsItemId) {
    return items.findByWmsItem(sellerId, warehouseId, wmsItemId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Warehouse item", wmsItemId))
        .map(WarehouseItemView::of);
  }

  /** A warehouse's mapped items in WMS item id order; the cursor is the last item id of the previous page. */
  @WithSession
  public Uni<Page<WarehouseItemView>> list(String sellerId, String warehouseId, String cursor, int limit) {
    String after = null;
    if (cursor != null && !cursor.isEmpty()) {
      try {
        after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw PageCursor.invalid();
      }
    }
    return items.inWarehouse(sellerId, warehouseId, after, limit + 1).map(rows -> {
      boolean more = rows.size() > limit;
      List<WarehouseItem> shown = more ? rows.subList(0, limit) : rows;
      String next = more ? Base64.getUrlEncoder().withoutPadding()
          .encodeToString(shown.get(limit - 1).wmsItemId.getBytes(StandardCharsets.UTF_8)) : null;
      return new Page<>(shown.stream().map(WarehouseItemView::of).toList(), next);
    });
  }
}
