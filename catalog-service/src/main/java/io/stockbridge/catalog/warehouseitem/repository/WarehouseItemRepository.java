package io.stockbridge.catalog.warehouseitem.repository;

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
}
