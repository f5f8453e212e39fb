package io.stockbridge.catalog.warehouseitem.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItem;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItemRepository;
import io.stockbridge.catalog.warehouseitem.rest.WarehouseItemMapping;
import io.stockbridge.catalog.warehouseitem.rest.WarehouseItemView;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * The three codes of each SKU per warehouse (rule WH-3). A WMS item belongs to one SKU: a second SKU claiming it
 * is refused, so the gateway never has to guess which SKU a warehouse meant.
 */
@ApplicationScoped
public class WarehouseItemService {
  private final WarehouseItemRepository items;
  private final SkuRepository skus;

  public WarehouseItemService(WarehouseItemRepository items, SkuRepository skus) {
    this.items = items;
    this.skus = skus;
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
        throw new ProblemException(409, "WMS_ITEM_TAKEN", "Conflict", "WMS item " + mapping.wmsItemId()
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
      item.updatedAt = OffsetDateTime.now();
      return (current == null ? items.persist(item) : Uni.createFrom().item(item)).map(WarehouseItemView::of);
    });
  }

  @WithSession
  public Uni<WarehouseItemView> resolve(String sellerId, String warehouseId, String wmsItemId) {
    return items.findByWmsItem(sellerId, warehouseId, wmsItemId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Warehouse item", wmsItemId))
        .map(WarehouseItemView::of);
  }
}
