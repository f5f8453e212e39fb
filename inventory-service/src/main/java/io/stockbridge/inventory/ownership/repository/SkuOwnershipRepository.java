package io.stockbridge.inventory.ownership.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SkuOwnershipRepository implements PanacheRepositoryBase<SkuOwnership, UUID> {

  public Uni<SkuOwnership> findBySku(String sellerId, String sellerSku) {
    return find("sellerId = ?1 and sellerSku = ?2", sellerId, sellerSku).firstResult();
  }
}
