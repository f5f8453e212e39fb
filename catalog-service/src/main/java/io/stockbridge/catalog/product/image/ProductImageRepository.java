package io.stockbridge.catalog.product.image;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProductImageRepository implements PanacheRepositoryBase<ProductImage, UUID> {

  /** The products' images (without their bytes), each product's in order. */
  public Uni<List<ProductImage>> ofProducts(Collection<UUID> productIds) {
    return list("productId in ?1 order by productId, position", productIds);
  }

  /** The bytes of one image. */
  public Uni<byte[]> content(UUID imageId) {
    return Panache.getSession().chain(session -> session.find(ProductImageContent.class, imageId))
        .map(content -> content == null ? null : content.bytes);
  }

  public Uni<Void> storeContent(UUID imageId, byte[] bytes) {
    ProductImageContent content = new ProductImageContent();
    content.imageId = imageId;
    content.bytes = bytes;
    return Panache.getSession().chain(session -> session.persist(content));
  }

  public Uni<ProductImage> findOwned(String sellerId, UUID productId, UUID id) {
    return find("sellerId = ?1 and productId = ?2 and id = ?3", sellerId, productId, id).firstResult();
  }

  public Uni<Long> countOf(UUID productId) {
    return count("productId", productId);
  }

  public Uni<Integer> nextPosition(UUID productId) {
    return find("select coalesce(max(position), -1) + 1 from ProductImage where productId = ?1", productId)
        .project(Integer.class).firstResult();
  }
}
