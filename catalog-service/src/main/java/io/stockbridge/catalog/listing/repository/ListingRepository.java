package io.stockbridge.catalog.listing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.paging.KeysetQuery;
import io.stockbridge.platform.paging.PageCursor;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

  public Uni<Listing> findOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).firstResult();
  }

  /** The listing, locked until the transaction ends: publications and audit results never interleave. */
  public Uni<Listing> lockOwned(String sellerId, UUID id) {
    return find("sellerId = ?1 and id = ?2", sellerId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
  }

  public Uni<Listing> lockByChannelProduct(UUID connectionId, String channelProductId) {
    return find("connectionId = ?1 and channelProductId = ?2", connectionId, channelProductId)
        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
  }

  /** Whether a listing other than {@code listingId} holds the connection's channel product. */
  public Uni<Boolean> heldByAnother(UUID connectionId, String channelProductId, UUID listingId) {
    return count("connectionId = ?1 and channelProductId = ?2 and id <> ?3", connectionId, channelProductId, listingId)
        .map(count -> count > 0);
  }

  public Uni<List<Listing>> page(String sellerId, ListingStatus status, UUID productId, PageCursor after, int limit) {
    KeysetQuery query = KeysetQuery.where("sellerId = :seller", "seller", sellerId)
        .and("status = :status", "status", status)
        .and("productId = :product", "product", productId)
        .after(after);
    return find(query.query(), query.parameters()).range(0, limit - 1).list();
  }

  /** Whether any listing of the product is in {@code status}: a SKU's edit lock holds while one is (INV-1). */
  public Uni<Boolean> anyOfProductIn(UUID productId, ListingStatus status) {
    return count("productId = ?1 and status = ?2", productId, status).map(count -> count > 0);
  }
}
