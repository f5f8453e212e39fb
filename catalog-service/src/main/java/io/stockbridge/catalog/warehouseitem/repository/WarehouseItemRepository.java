package io.stockbridge.catalog.warehouseitem.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WarehouseItemRepository implements PanacheRepositoryBase<WarehouseItem, UUID> {

  public Uni<WarehouseItem> findBySku(String sellerId, String sellerSku, String warehouseId) {
    return find("sellerId = ?1 and sellerSku = ?2 and warehouseId = ?3", sellerId, sellerSku, warehouseId).firstResult();
  }

  public Uni<WarehouseItem> findByWmsItem(String sellerId, String warehouseId, String wmsItemId) {
    return find("sellerId = ?1 and warehouseId = ?2 and wmsItemId = ?3", sellerId, warehouseId, wmsItemId).firstResult();
  }

  /** Items of a warehouse after {@code afterWmsItemId} (null: from the start), in WMS item id order. */
  public Uni<List<WarehouseItem>> inWarehouse(String sellerId, String warehouseId, String afterWmsItemId, int limit) {
    return (afterWmsItemId == null
        ? find("sellerId = ?1 and warehouseId = ?2 order by wmsItemId", sellerId, warehouseId)
        : find("sellerId = ?1 and warehouseId = ?2 and wmsItemId > ?3 order by wmsItemId", sellerId, warehouseId,
            afterWmsItemId))
        .range(0, limit - 1).list();
  }

  /** Every item a seller mapped in a warehouse. */
  public Uni<List<WarehouseItem>> allInWarehouse(String sellerId, String warehouseId) {
    return list("sellerId = ?1 and warehouseId = ?2 order by sellerSku", sellerId, warehouseId);
  }
}
