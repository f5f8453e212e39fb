package io.stockbridge.inventory.registry.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The SKUs and warehouses the ledger accepts, registered by the services that own them (catalog-service for SKUs,
 * warehouse-gateway for warehouses). Registering twice changes nothing.
 */
@ApplicationScoped
public class ItemRegistry {

  @WithTransaction
  public Uni<Boolean> registerSku(String sellerId, String sellerSku) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into known_sku (seller_id, seller_sku) values (:seller, :sku) on conflict do nothing")
        .setParameter("seller", sellerId).setParameter("sku", sellerSku).executeUpdate())
        .map(inserted -> inserted == 1);
  }

  @WithTransaction
  public Uni<Boolean> registerWarehouse(String sellerId, String warehouseId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into known_warehouse (seller_id, warehouse_id) values (:seller, :warehouse) on conflict do nothing")
        .setParameter("seller", sellerId).setParameter("warehouse", warehouseId).executeUpdate())
        .map(inserted -> inserted == 1);
  }
}
