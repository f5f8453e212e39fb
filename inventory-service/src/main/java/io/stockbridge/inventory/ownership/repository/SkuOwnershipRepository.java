package io.stockbridge.inventory.ownership.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SkuOwnershipRepository implements PanacheRepositoryBase<SkuOwnership, UUID> {

  public Uni<SkuOwnership> findBySku(String sellerId, String sellerSku) {
    return find("sellerId = ?1 and sellerSku = ?2", sellerId, sellerSku).firstResult();
  }

  /** The owners these SKUs have so far (a SKU without one has never been assigned). */
  public Uni<List<SkuOwnership>> ownersOf(String sellerId, Collection<String> sellerSkus) {
    return sellerSkus.isEmpty() ? Uni.createFrom().item(List.of())
        : list("sellerId = ?1 and sellerSku in ?2", sellerId, sellerSkus);
  }

  /**
   * Locks the seller's SKUs among {@code sellerSkus} (all of them when null), in SKU order, and answers those that
   * exist. Locking the ledger's SKU rows, which exist whether or not a SKU has an owner yet, makes two switches of
   * the same SKUs run one after the other, and in one order, so they never deadlock or both create a first owner.
   */
  public Uni<List<String>> lockSkus(String sellerId, Collection<String> sellerSkus) {
    String sql = "select seller_sku from known_sku where seller_id = :seller"
        + (sellerSkus == null ? "" : " and seller_sku in (:skus)") + " order by seller_sku for update";
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery(sql, String.class).setParameter("seller", sellerId);
      if (sellerSkus != null) {
        query.setParameter("skus", sellerSkus);
      }
      return query.getResultList();
    });
  }
}
