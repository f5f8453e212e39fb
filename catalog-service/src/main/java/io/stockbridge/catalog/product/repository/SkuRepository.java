package io.stockbridge.catalog.product.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SkuRepository implements PanacheRepositoryBase<Sku, UUID> {

  public Uni<List<Sku>> ofProducts(Collection<UUID> productIds) {
    return list("productId in ?1 order by productId, position", productIds);
  }

  public Uni<List<String>> takenSellerSkus(String sellerId, Collection<String> sellerSkus) {
    return find("select sellerSku from Sku where sellerId = ?1 and sellerSku in ?2", sellerId, sellerSkus)
        .project(String.class).list();
  }

  /** Every SKU of a seller, by seller SKU. */
  public Uni<List<Sku>> ofSeller(String sellerId) {
    return list("sellerId = ?1 order by sellerSku", sellerId);
  }
}
