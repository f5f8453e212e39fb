package io.stockbridge.inventory.warehouseevent.service;

import java.util.HashSet;
import java.util.Set;

/**
 * What one transaction has already established about the codes its events use: warehouses registered and SKUs
 * found known. A batch of events for the same warehouse and a hundred SKUs thus registers the warehouse once and
 * looks its SKUs up in one query, instead of twice per event. Valid only inside the transaction that filled it.
 */
final class KnownCodes {
  private final Set<String> registeredWarehouses = new HashSet<>();
  private final Set<String> knownSkus = new HashSet<>();

  static KnownCodes none() {
    return new KnownCodes();
  }

  boolean warehouseRegistered(String sellerId, String warehouseId) {
    return registeredWarehouses.contains(sellerId + "\n" + warehouseId);
  }

  void registered(String sellerId, String warehouseId) {
    registeredWarehouses.add(sellerId + "\n" + warehouseId);
  }

  boolean skuKnown(String sellerId, String sellerSku) {
    return knownSkus.contains(sellerId + "\n" + sellerSku);
  }

  void known(String sellerId, Set<String> sellerSkus) {
    sellerSkus.forEach(sku -> knownSkus.add(sellerId + "\n" + sku));
  }
}
