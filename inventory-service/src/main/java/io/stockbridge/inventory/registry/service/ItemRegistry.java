package io.stockbridge.inventory.registry.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.stock.repository.StockLedgerRepository;

/**
 * The SKUs and warehouses the ledger accepts, registered by the services that own them (catalog-service for SKUs,
 * warehouse-gateway for warehouses). Registering twice changes nothing.
 */
@ApplicationScoped
public class ItemRegistry {
  private final StockLedgerRepository repository;

  public ItemRegistry(StockLedgerRepository repository) {
    this.repository = repository;
  }

  @WithTransaction
  public Uni<Boolean> registerSku(String sellerId, String sellerSku) {
    return repository.registerSku(sellerId, sellerSku);
  }

  @WithTransaction
  public Uni<Boolean> registerWarehouse(String sellerId, String warehouseId) {
    return repository.registerWarehouse(sellerId, warehouseId);
  }
}
