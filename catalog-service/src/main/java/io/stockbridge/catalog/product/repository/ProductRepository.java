package io.stockbridge.catalog.product.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

  public Uni<Product> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  /** Up to {@code limit} products after {@code after}, in (createdAt, id) order, narrowed by the filter. */
  public Uni<List<Product>> page(String sellerId, ProductFilter filter, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("category = :category", "category", filter.category())
        .and("brand = :brand", "brand", filter.brand())
        .and("id in (select s.productId from Sku s where s.sellerId = :seller and s.sellerSku = :sellerSku)",
            "sellerSku", filter.sellerSku())
        .and("id in (select s.productId from Sku s where s.sellerId = :seller and s.barcode = :barcode)",
            "barcode", filter.barcode())
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }
}
